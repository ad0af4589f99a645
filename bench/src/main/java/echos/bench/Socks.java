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

/** Vert.x WebSocket client: connects many sockets a bounded number at a time and records every close. */
final class Socks implements AutoCloseable {

    /** What happens on a socket; {@code onText} gets (socket index, frame text). */
    interface Handler {
        void onText(int socket, String text);
    }

    final Vertx vertx;
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

    Socks(String host, int port, int eventLoops) {
        this.host = host;
        this.port = port;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(2)
                .setBlockedThreadCheckInterval(10_000));
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000).setConnectTimeout(30_000)
                .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22).setTcpNoDelay(true));
    }

    Future<WebSocket> connect(String token, int index, Handler handler) {
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
            ws.closeHandler(v -> {
                openNow.decrementAndGet();
                if (closedByUs.remove(ws)) {
                    ourCloses.increment();
                    return;
                }
                String key = ws.closeStatusCode() + " " + ws.closeReason();
                closes.computeIfAbsent(key, k -> new LongAdder()).increment();
                if (closesLogged.incrementAndGet() <= 10) {
                    Log.info("socket %d closed by the server or the network: %s", index, key);
                }
            });
            return ws;
        });
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
