package echos.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A real WebSocket client of /ws (ws:// to one node, or wss:// through HAProxy) that keeps every frame it got. */
final class ClusterSocket implements AutoCloseable {

    final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket ws;

    private ClusterSocket(HttpClient http, String url, String token, Consumer<JsonNode> onFrame) throws Exception {
        this.ws = http.newWebSocketBuilder().header("Authorization", "Bearer " + token).connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                JsonNode frame = Cluster.JSON.readTree(partial.toString());
                                frames.add(frame);
                                if (onFrame != null) {
                                    onFrame.accept(frame);
                                }
                            } catch (Exception e) {
                                closed.completeExceptionally(e);
                            }
                            partial.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket socket, Throwable error) {
                        closed.complete(1006);
                    }
                }).get(15, TimeUnit.SECONDS);
    }

    static ClusterSocket open(Cluster cluster, String url, Cluster.Account account, Consumer<JsonNode> onFrame) throws Exception {
        return new ClusterSocket(cluster.http, url, account.token(), onFrame);
    }

    static ClusterSocket open(HttpClient http, String url, String token, Consumer<JsonNode> onFrame) throws Exception {
        return new ClusterSocket(http, url, token, onFrame);
    }

    /** Sends a frame; false when the socket is gone. */
    synchronized boolean send(String type, String ref, Map<String, ?> data) {
        if (closed.isDone()) {
            return false;
        }
        try {
            ws.sendText(Cluster.JSON.writeValueAsString(Map.of("type", type, "ref", ref, "data", data)), true).get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            closed.complete(1006);
            return false;
        }
    }

    JsonNode await(String type, Predicate<JsonNode> test, Duration timeout) throws InterruptedException {
        return awaitAfter(0, type, test, timeout);
    }

    /** As {@link #await}, among the frames that arrived after the first {@code skip}. */
    JsonNode awaitAfter(int skip, String type, Predicate<JsonNode> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode f : frames.subList(Math.min(skip, frames.size()), frames.size())) {
                if (type.equals(f.path("type").asText()) && test.test(f)) {
                    return f;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + type + " frame within " + timeout + "; got " + frames.size() + " frames");
    }

    long count(String type, Predicate<JsonNode> test) {
        return frames.stream().filter(f -> type.equals(f.path("type").asText()) && test.test(f)).count();
    }

    @Override
    public void close() {
        try {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            ws.abort();
        }
    }
}
