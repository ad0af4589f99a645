package echos.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client (java.net.http) that records every frame it receives, for socket tests. */
public final class TestSocket implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READY = "__ready";

    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    private TestSocket() {
    }

    /** The ws:// address of the socket endpoint a test was given as an http:// {@code @TestHTTPResource}. */
    public static URI wsOf(URI http) {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    /** A socket of this account, to the endpoint given as an http:// {@code @TestHTTPResource}. */
    public static TestSocket of(URI http, echos.auth.TestAccounts.Account account) {
        return connect(wsOf(http), account.token());
    }

    public static TestSocket connect(URI wsUri, String token) {
        return connect(wsUri, Map.of("Authorization", "Bearer " + token));
    }

    public static TestSocket connect(URI wsUri, Map<String, String> headers) {
        TestSocket client = new TestSocket();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(wsUri, client.listener()).orTimeout(10, TimeUnit.SECONDS).join();
        // The handshake can complete before the server has registered the socket; one ping round trip proves it
        // has, so frames sent to this user from now on reach it.
        client.send("ping", READY, Map.of());
        client.await("pong", f -> READY.equals(f.path("ref").asText()), Duration.ofSeconds(10));
        return client;
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        inbox.add(JSON.readTree(partial.toString()));
                    } catch (Exception e) {
                        inbox.add(JSON.createObjectNode().put("type", "unparseable"));
                    }
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.complete(-1);
            }
        };
    }

    public void send(String type, Map<String, Object> data) {
        send(type, null, data);
    }

    public void send(String type, String ref, Map<String, Object> data) {
        try {
            Map<String, Object> frame = new java.util.LinkedHashMap<>();
            frame.put("type", type);
            if (ref != null) {
                frame.put("ref", ref);
            }
            frame.put("data", data);
            sendRaw(JSON.writeValueAsString(frame));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized void sendRaw(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Waits for the next frame of that type that matches, keeping every frame received on the way. */
    public JsonNode await(String type, Predicate<JsonNode> matches, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (seen) {
            for (JsonNode frame : seen) {
                if (type.equals(frame.path("type").asText()) && matches.test(frame) && !frame.has("_taken")) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) frame).put("_taken", true);
                    return frame;
                }
            }
        }
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                List<JsonNode> all = received();
                throw new AssertionError("no " + type + " frame within " + timeout + "; last frames received: "
                        + all.subList(Math.max(0, all.size() - 5), all.size()));
            }
            JsonNode frame;
            try {
                frame = inbox.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (frame == null) {
                continue;
            }
            synchronized (seen) {
                seen.add(frame);
            }
            if (type.equals(frame.path("type").asText()) && matches.test(frame)) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) frame).put("_taken", true);
                return frame;
            }
        }
    }

    public JsonNode await(String type) {
        return await(type, f -> true, Duration.ofSeconds(10));
    }

    /** Every frame received so far (including those still queued), oldest first. */
    public List<JsonNode> received() {
        synchronized (seen) {
            inbox.drainTo(seen);
            return List.copyOf(seen);
        }
    }

    /** Frames of a type that arrive within the window (for asserting that nothing, or nothing more, arrives). */
    public List<JsonNode> collect(String type, Duration window) {
        try {
            Thread.sleep(window.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return received().stream().filter(f -> type.equals(f.path("type").asText())).toList();
    }

    public int awaitClose(Duration timeout) {
        return closed.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            try {
                closed.get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
        }
    }

}
