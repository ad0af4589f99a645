package echos.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * Vert.x WebSocket client: connects many sockets a bounded number at a time and records every close. Two transports
 * ({@code --transport}): {@code ws}, Echos' own socket at {@code /ws} (the token in an Authorization header, one Echos
 * JSON frame per message), and {@code socketio}, the Socket.IO endpoint over a WebSocket only
 * ({@code /socket.io/?EIO=4&transport=websocket}: Engine.IO open packet, Socket.IO CONNECT with {@code auth.token},
 * then {@code 42["type",data]} events both ways, pings answered here). The handlers and {@link #send} see Echos frames
 * in both, so the scenarios do not know which transport runs.
 */
final class Socks implements AutoCloseable {

    enum Transport {
        WS, SOCKETIO;

        static Transport of(String name) {
            return switch (name) {
                case "ws" -> WS;
                case "socketio" -> SOCKETIO;
                default -> throw new IllegalArgumentException("--transport must be ws or socketio, got " + name);
            };
        }

        String label() {
            return this == WS ? "ws" : "socketio";
        }
    }

    static final String SOCKETIO_URI = "/socket.io/?EIO=4&transport=websocket";

    /** What happens on a socket; {@code onText} gets (socket index, frame text). */
    interface Handler {
        void onText(int socket, String text);
    }

    final Vertx vertx;
    final Transport transport;
    private final WebSocketClient client;
    private final String host;
    private final int port;
    /** Closes we did not ask for, by "code reason". */
    final Map<String, LongAdder> closes = new ConcurrentHashMap<>();
    final Map<String, LongAdder> connectFailures = new ConcurrentHashMap<>();
    final AtomicInteger openNow = new AtomicInteger();
    private final AtomicInteger closesLogged = new AtomicInteger();
    private final java.util.Set<WebSocket> closedByUs = ConcurrentHashMap.newKeySet();
    final LongAdder ourCloses = new LongAdder();

    Socks(String host, int port, int eventLoops, Transport transport) {
        this.transport = transport;
        this.host = host;
        this.port = port;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(2)
                .setBlockedThreadCheckInterval(10_000));
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000).setConnectTimeout(30_000)
                .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22).setTcpNoDelay(true));
    }

    /** Opens one socket; with socketio, the future completes only once the server accepted the CONNECT. */
    Future<WebSocket> connect(String token, int index, Handler handler) {
        return transport == Transport.WS ? connectWs(token, index, handler) : connectSocketIo(token, index, handler);
    }

    private Future<WebSocket> connectWs(String token, int index, Handler handler) {
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/ws")
                .addHeader("Authorization", "Bearer " + token);
        return client.connect(o).map(ws -> {
            openNow.incrementAndGet();
            if (handler != null) {
                ws.textMessageHandler(t -> handler.onText(index, t));
            } else {
                ws.textMessageHandler(t -> { });
            }
            ws.exceptionHandler(e -> { });
            ws.closeHandler(v -> closed(ws, index, ws.closeStatusCode() + " " + ws.closeReason()));
            return ws;
        });
    }

    /**
     * Engine.IO 4 over a WebSocket, one packet per message: waits for the open packet ({@code 0{...}}), sends the
     * Socket.IO CONNECT {@code 40{"token":...}}, and succeeds on {@code 40{...}} (fails on the connect_error
     * {@code 44{...}}). Pings ({@code 2}) are answered with {@code 3}; each event {@code 42["type",data]} goes to the
     * handler as {@code {"type":"type","data":data}}, cut out of the text without parsing it.
     */
    private Future<WebSocket> connectSocketIo(String token, int index, Handler handler) {
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost(host).setPort(port).setURI(SOCKETIO_URI);
        return client.connect(o).compose(ws -> {
            openNow.incrementAndGet();
            Promise<WebSocket> connected = Promise.promise();
            String[] closing = new String[1]; // the server's "closing" event or connect_error, said when the socket closes
            long timer = vertx.setTimer(30_000, t -> {
                if (connected.tryFail("no Socket.IO CONNECT answer within 30 s")) {
                    closedByUs.add(ws);
                    ws.close();
                }
            });
            ws.textMessageHandler(t -> {
                if (t.startsWith("42[")) {
                    String frame = eventToFrame(t);
                    if (frame == null) {
                        frame = "{\"type\":\"socketio.unparsed\",\"data\":{}}";
                    } else if (frame.startsWith("{\"type\":\"closing\",")) {
                        closing[0] = "closing " + t.substring("42[\"closing\",".length(), t.length() - 1);
                    }
                    if (handler != null) {
                        handler.onText(index, frame);
                    }
                } else if (t.equals("2")) {
                    ws.writeTextMessage("3");
                } else if (t.startsWith("0{")) {
                    ws.writeTextMessage("40{\"token\":\"" + token + "\"}");
                } else if (t.startsWith("40")) {
                    vertx.cancelTimer(timer);
                    connected.tryComplete(ws);
                } else if (t.startsWith("44")) {
                    vertx.cancelTimer(timer);
                    closing[0] = "connect_error " + t.substring(2);
                    if (connected.tryFail("Socket.IO connect_error " + t.substring(2))) {
                        closedByUs.add(ws); // counted as a connect failure, not as a close
                        ws.close();
                    }
                } else if (t.startsWith("41")) {
                    closing[0] = (closing[0] == null ? "" : closing[0] + ", then ") + "Socket.IO DISCONNECT";
                } else if (handler != null) {
                    handler.onText(index, "{\"type\":\"socketio.packet-" + t.charAt(0) + "\",\"data\":{}}");
                }
            });
            ws.exceptionHandler(e -> { });
            ws.closeHandler(v -> {
                vertx.cancelTimer(timer);
                String key = ws.closeStatusCode() + " " + ws.closeReason() + (closing[0] == null ? "" : " (" + closing[0] + ")");
                connected.tryFail("closed before the Socket.IO CONNECT was answered: " + key);
                closed(ws, index, key);
            });
            return connected.future();
        });
    }

    /** {@code 42["type",data]} or {@code 42["type"]} as {@code {"type":"type","data":data}}; null if it is neither. */
    static String eventToFrame(String packet) {
        // Echos' event names need no escaping, so the name ends at the next quote
        int q = packet.indexOf('"', 4);
        if (packet.length() < 6 || packet.charAt(3) != '"' || q < 0 || packet.charAt(packet.length() - 1) != ']') {
            return null;
        }
        String quotedType = packet.substring(3, q + 1);
        if (q + 1 == packet.length() - 1) {
            return "{\"type\":" + quotedType + "}";
        }
        if (packet.charAt(q + 1) != ',') {
            return null;
        }
        return "{\"type\":" + quotedType + ",\"data\":" + packet.substring(q + 2, packet.length() - 1) + "}";
    }

    /**
     * Writes one Echos frame of {@code type} with {@code data} (JSON text): {@code {"type":..,"ref":..,"data":..}} on ws
     * ({@code ref} left out when null), the event {@code 42["type",data]} on socketio, where the ref is dropped: it
     * would have to be a Socket.IO ack id, and the bench takes its replies as events ({@code message.ack},
     * {@code error}), which carry no ref.
     */
    Future<Void> send(WebSocket ws, String type, String ref, String data) {
        String frame;
        if (transport == Transport.WS) {
            frame = ref == null ? "{\"type\":\"" + type + "\",\"data\":" + data + "}"
                    : "{\"type\":\"" + type + "\",\"ref\":\"" + ref + "\",\"data\":" + data + "}";
        } else {
            frame = "42[\"" + type + "\"," + data + "]";
        }
        return ws.writeTextMessage(frame);
    }

    private void closed(WebSocket ws, int index, String key) {
        openNow.decrementAndGet();
        if (closedByUs.remove(ws)) {
            ourCloses.increment();
            return;
        }
        closes.computeIfAbsent(key, k -> new LongAdder()).increment();
        if (closesLogged.incrementAndGet() <= 10) {
            Log.info("socket %d closed by the server or the network: %s", index, key);
        }
    }

    /** Connects {@code tokens.size()} sockets, {@code concurrency} handshakes at a time; a failed one leaves null. */
    WebSocket[] connectAll(List<String> tokens, int concurrency, Handler handler, BiConsumer<Integer, Integer> progress)
            throws InterruptedException {
        int n = tokens.size();
        WebSocket[] out = new WebSocket[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(n);
        Runnable[] start = new Runnable[1];
        start[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= n) {
                return;
            }
            connect(tokens.get(i), i, handler).onComplete(ar -> {
                if (ar.succeeded()) {
                    out[i] = ar.result();
                } else {
                    String key = String.valueOf(ar.cause().getMessage());
                    connectFailures.computeIfAbsent(key.length() > 120 ? key.substring(0, 120) : key, k -> new LongAdder()).increment();
                }
                int d = done.incrementAndGet();
                if (progress != null && d % 1000 == 0) {
                    progress.accept(d, n);
                }
                all.countDown();
                start[0].run();
            });
        };
        for (int k = 0; k < Math.min(concurrency, n); k++) {
            vertx.runOnContext(v -> start[0].run());
        }
        if (!all.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("connecting sockets took over 10 minutes");
        }
        return out;
    }

    void closeAll(WebSocket[] sockets) throws InterruptedException {
        CountDownLatch l = new CountDownLatch(sockets.length);
        for (WebSocket ws : sockets) {
            if (ws == null || ws.isClosed()) {
                l.countDown();
            } else {
                closedByUs.add(ws);
                ws.close().onComplete(ar -> l.countDown());
            }
        }
        l.await(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        Promise<Void> p = Promise.promise();
        vertx.close().onComplete(p);
        try {
            p.future().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // leaving anyway
        }
    }
}
