package echos.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A hand-written Engine.IO 4 client for protocol tests (the Node tests use the real socket.io-client): long-polling
 * requests with java.net.http, and the WebSocket transport with java.net.http's WebSocket, every packet as text.
 */
public final class EngineIoClient implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    static final String SEPARATOR = "\u001e";

    private final HttpClient http;
    private final URI base;
    private final Map<String, String> headers;
    /** Appended to every request's query, e.g. Chatty's {@code &userId=...}. */
    private final String extraQuery;
    private String sid;
    private JsonNode handshake;
    private WebSocket socket;
    private final LinkedBlockingQueue<String> wsInbox = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> wsClosed = new CompletableFuture<>();

    private EngineIoClient(HttpClient http, URI base, Map<String, String> headers, String extraQuery) {
        this.http = http;
        this.extraQuery = extraQuery;
        this.base = base;
        this.headers = headers;
    }

    /** Opens a polling session; {@code headers} go on every request (a Cookie, an Origin). */
    static EngineIoClient polling(URI base, Map<String, String> headers) throws Exception {
        return polling(plainHttp(), base, headers);
    }

    /** As {@link #polling(URI, Map)}, through this client (e.g. one that trusts a test certificate). */
    public static EngineIoClient polling(HttpClient http, URI base, Map<String, String> headers) throws Exception {
        return polling(http, base, headers, "");
    }

    /** A polling session as Chatty's frontend opens it, naming its user in the query of every request. */
    static EngineIoClient pollingAsChatty(URI base, Map<String, String> headers, String userId) throws Exception {
        return polling(plainHttp(), base, headers, "&userId=" + userId);
    }

    public static EngineIoClient polling(HttpClient http, URI base, Map<String, String> headers, String extraQuery) throws Exception {
        EngineIoClient client = new EngineIoClient(http, base, headers, extraQuery);
        HttpResponse<String> open = client.get("EIO=4&transport=polling");
        if (open.statusCode() != 200 || !open.body().startsWith("0")) {
            throw new AssertionError("handshake failed: " + open.statusCode() + " " + open.body());
        }
        client.handshake = JSON.readTree(open.body().substring(1));
        client.sid = client.handshake.get("sid").asText();
        return client;
    }

    /** Opens a WebSocket-only session; its first message is the handshake. */
    static EngineIoClient websocket(URI base, Map<String, String> headers) throws Exception {
        EngineIoClient client = new EngineIoClient(plainHttp(), base, headers, "");
        client.openSocket("EIO=4&transport=websocket");
        String open = client.nextWs(Duration.ofSeconds(5));
        if (open == null || !open.startsWith("0")) {
            throw new AssertionError("no handshake over the WebSocket: " + open);
        }
        client.handshake = JSON.readTree(open.substring(1));
        client.sid = client.handshake.get("sid").asText();
        return client;
    }

    private static HttpClient plainHttp() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    JsonNode handshake() {
        return handshake;
    }

    public String sid() {
        return sid;
    }

    HttpResponse<String> get(String query) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/socket.io/?" + query + extraQuery)).timeout(Duration.ofSeconds(60)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String query, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/socket.io/?" + query + extraQuery)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/plain;charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends packets in one polling POST; fails unless the server answers "ok". */
    public void send(String... packets) throws Exception {
        if (socket != null) {
            for (String packet : packets) {
                socket.sendText(packet, true).get(5, TimeUnit.SECONDS);
            }
            return;
        }
        HttpResponse<String> response = post("EIO=4&transport=polling&sid=" + sid, String.join(SEPARATOR, packets));
        if (response.statusCode() != 200 || !"ok".equals(response.body())) {
            throw new AssertionError("POST refused: " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * Connects to the namespace with this CONNECT packet and waits until the server has registered the connection
     * (a ping answered after the CONNECT ack proves it, as on /ws); the packets seen on the way.
     */
    public List<String> connect(String connectPacket) throws Exception {
        send(connectPacket);
        List<String> seen = new ArrayList<>(pollUntil("40", Duration.ofSeconds(10)));
        send("42[\"ping\",{}]");
        seen.addAll(pollUntil("42[\"pong\"", Duration.ofSeconds(10)));
        return seen;
    }

    /** One long-poll: the packets it returned. */
    public List<String> poll() throws Exception {
        HttpResponse<String> response = get("EIO=4&transport=polling&sid=" + sid);
        if (response.statusCode() != 200) {
            throw new AssertionError("poll refused: " + response.statusCode() + " " + response.body());
        }
        return Arrays.asList(response.body().split(SEPARATOR, -1));
    }

    /** Polls (answering pings) until a packet starting with {@code prefix} arrives; the packets seen meanwhile included. */
    public List<String> pollUntil(String prefix, Duration within) throws Exception {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            for (String packet : socket != null ? wsBatch(deadline) : poll()) {
                seen.add(packet);
                if ("2".equals(packet)) {
                    send("3");
                }
                if (packet.startsWith(prefix)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("no packet starting with " + prefix + " within " + within + "; saw " + seen);
    }

    private List<String> wsBatch(long deadlineNanos) throws InterruptedException {
        String next = wsInbox.poll(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        return next == null ? List.of() : List.of(next);
    }

    /** Opens the WebSocket transport for this session (with sid) or a new one (without). */
    void openSocket(String query) throws Exception {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        socket = builder.buildAsync(URI.create(base.toString().replaceFirst("^http", "ws")).resolve("/socket.io/?" + query),
                new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            wsInbox.add(partial.toString());
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                        wsClosed.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        wsClosed.complete(-1);
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    /** Upgrades this polling session: the probe, then "5". */
    public void upgrade() throws Exception {
        openSocket("EIO=4&transport=websocket&sid=" + sid);
        socket.sendText("2probe", true).get(5, TimeUnit.SECONDS);
        String answer = nextWs(Duration.ofSeconds(5));
        if (!"3probe".equals(answer)) {
            throw new AssertionError("probe answered with " + answer);
        }
        socket.sendText("5", true).get(5, TimeUnit.SECONDS);
    }

    String nextWs(Duration within) throws InterruptedException {
        return wsInbox.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    WebSocket rawSocket() {
        return socket;
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }
}
