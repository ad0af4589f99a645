package echos.socketio;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * One Engine.IO (protocol 4) session: HTTP long-polling until the client upgrades to a WebSocket, or a WebSocket
 * from the start. The server pings every pingInterval and closes the session when a pong does not come within
 * pingTimeout. Packets for a polling client wait here until its next GET; what waits is bounded by the peer's
 * outbound limits, since each packet's {@code written} runs only once its response went out.
 */
final class EngineSession {

    /** What the session hands up: the payloads of message packets, and its end. */
    interface Listener {
        /** The data of one text message packet (a Socket.IO packet). */
        void message(String text);

        /** One binary message (a Socket.IO attachment). */
        void binary(Buffer data);

        void pong();

        void closed(String reason);
    }

    static final char SEPARATOR = '\u001e';
    private static final Runnable NOTHING = () -> { };
    private static final String TEXT = "text/plain; charset=UTF-8";

    private record Outgoing(String packet, Runnable written) {
    }

    private final String sid;
    private final Vertx vertx;
    private final EngineSettings settings;
    private final Consumer<EngineSession> onClosed;
    private volatile Listener listener;

    private final ArrayDeque<Outgoing> buffer = new ArrayDeque<>();
    private RoutingContext poll;
    private boolean posting;
    private ServerWebSocket socket;
    private ServerWebSocket probe;
    private boolean closed;
    private boolean closeWhenDrained;
    /** The client probed a WebSocket: polls are answered at once (a noop when nothing waits) until it switches. */
    private boolean upgrading;
    private long pingTimer = -1;
    private long pongTimer = -1;

    EngineSession(String sid, Vertx vertx, EngineSettings settings, Consumer<EngineSession> onClosed) {
        this.sid = sid;
        this.vertx = vertx;
        this.settings = settings;
        this.onClosed = onClosed;
    }

    String sid() {
        return sid;
    }

    void listen(Listener listener) {
        this.listener = listener;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized boolean isUpgraded() {
        return socket != null;
    }

    /** Starts the ping loop; the handshake packet goes out by the caller (the polling response or the first message). */
    synchronized void start() {
        schedulePing();
    }

    private void schedulePing() {
        pingTimer = vertx.setTimer(settings.pingIntervalMillis(), id -> ping());
    }

    private void ping() {
        synchronized (this) {
            if (closed) {
                return;
            }
            pongTimer = vertx.setTimer(settings.pingTimeoutMillis(), id -> close("ping timeout"));
        }
        send("2", NOTHING);
    }

    // --- polling ---------------------------------------------------------------------------------------------------

    /** A long-polling GET: answered at once with what waits, else held until a packet comes. */
    void poll(RoutingContext rc) {
        boolean overlap;
        synchronized (this) {
            if (closed || socket != null) {
                SocketIoEndpoint.refuse(rc, 400, 3, "Bad request");
                return;
            }
            overlap = poll != null;
            if (!overlap) {
                if (!buffer.isEmpty()) {
                    flushTo(rc);
                } else if (closeWhenDrained) {
                    end(rc, "1");
                    closeLater("server close");
                } else if (upgrading) {
                    end(rc, "6");
                } else {
                    poll = rc;
                    rc.response().closeHandler(v -> forgetPoll(rc));
                }
                return;
            }
        }
        SocketIoEndpoint.refuse(rc, 400, 3, "Bad request");
        close("transport error");
    }

    private synchronized void forgetPoll(RoutingContext rc) {
        if (poll == rc) {
            poll = null;
        }
    }

    /** A polling POST whose whole body was read: its packets, separated by the record separator. */
    void post(RoutingContext rc, String body) {
        synchronized (this) {
            if (closed || socket != null || posting) {
                SocketIoEndpoint.refuse(rc, 400, 3, "Bad request");
                if (posting) {
                    closeLater("transport error");
                }
                return;
            }
            posting = true;
        }
        try {
            for (String packet : body.split(String.valueOf(SEPARATOR), -1)) {
                if (isClosed() || !packet(packet, true)) {
                    break;
                }
            }
        } finally {
            synchronized (this) {
                posting = false;
            }
        }
        rc.response().putHeader("Content-Type", "text/html").end("ok");
    }

    private void closeLater(String reason) {
        vertx.runOnContext(v -> close(reason));
    }

    /** Hands one Engine.IO packet up; false (and the session closed) when it is not one. */
    private boolean packet(String packet, boolean polling) {
        if (packet.isEmpty()) {
            close("parse error");
            return false;
        }
        Listener up = listener;
        switch (packet.charAt(0)) {
            case '1' -> close("transport close");
            case '3' -> pong(up);
            case '4' -> up.message(packet.substring(1));
            case '6' -> { }
            case 'b' -> {
                if (!polling) {
                    close("parse error");
                    return false;
                }
                try {
                    up.binary(Buffer.buffer(Base64.getDecoder().decode(packet.substring(1))));
                } catch (IllegalArgumentException e) {
                    close("parse error");
                    return false;
                }
            }
            default -> {
                close("parse error");
                return false;
            }
        }
        return true;
    }

    private void pong(Listener up) {
        synchronized (this) {
            if (pongTimer >= 0) {
                vertx.cancelTimer(pongTimer);
                pongTimer = -1;
                schedulePing();
            }
        }
        up.pong();
    }

    private void flushTo(RoutingContext rc) {
        StringBuilder payload = new StringBuilder();
        List<Runnable> written = new ArrayList<>(buffer.size());
        Outgoing next;
        while ((next = buffer.poll()) != null) {
            if (payload.length() > 0) {
                payload.append(SEPARATOR);
            }
            payload.append(next.packet());
            written.add(next.written());
        }
        poll = null;
        boolean thenClose = closeWhenDrained;
        end(rc, payload.toString()).onComplete(ar -> {
            written.forEach(Runnable::run);
            if (thenClose) {
                close("server close");
            }
        });
    }

    private static Future<Void> end(RoutingContext rc, String payload) {
        if (rc.response().ended() || rc.response().closed()) {
            return Future.failedFuture("response closed");
        }
        return rc.response().putHeader("Content-Type", TEXT).end(payload);
    }

    // --- WebSocket -------------------------------------------------------------------------------------------------

    /** A WebSocket from the start (no polling): the handshake is its first message. */
    void attach(ServerWebSocket ws, String handshake) {
        synchronized (this) {
            socket = ws;
            listenTo(ws);
        }
        ws.writeTextMessage(handshake);
    }

    /** The client tries a WebSocket for this polling session: "2probe" / "3probe", then "5" makes it the transport. */
    void probe(ServerWebSocket ws) {
        synchronized (this) {
            if (closed || socket != null || probe != null) {
                ws.close();
                return;
            }
            probe = ws;
        }
        ws.textMessageHandler(text -> {
            if ("2probe".equals(text)) {
                ws.writeTextMessage("3probe");
                startUpgrade();
            } else if ("5".equals(text)) {
                upgraded(ws);
            } else {
                ws.close();
            }
        });
        ws.closeHandler(v -> {
            synchronized (this) {
                if (probe == ws) {
                    probe = null;
                    upgrading = false;
                }
            }
        });
        ws.exceptionHandler(e -> ws.close());
    }

    /**
     * A held GET is answered with a noop, and so is every poll until the switch, so the client's polling ends and
     * it can pause polling and switch to the WebSocket (a poll it sent just before it saw "3probe" would else be
     * held until the next ping).
     */
    private synchronized void startUpgrade() {
        upgrading = true;
        endHeldPoll();
    }

    private void endHeldPoll() {
        if (poll != null) {
            RoutingContext held = poll;
            poll = null;
            end(held, "6");
        }
    }

    private void upgraded(ServerWebSocket ws) {
        synchronized (this) {
            if (closed || probe != ws) {
                ws.close();
                return;
            }
            probe = null;
            upgrading = false;
            socket = ws;
            listenTo(ws);
            endHeldPoll();
            Outgoing next;
            while ((next = buffer.poll()) != null) {
                write(ws, next);
            }
        }
    }

    private void listenTo(ServerWebSocket ws) {
        ws.textMessageHandler(text -> {
            if (text.length() > settings.maxPayload() || utf8Length(text) > settings.maxPayload()) {
                ws.close((short) 1009, "message too big");
                return;
            }
            packet(text, false);
        });
        ws.binaryMessageHandler(data -> {
            if (data.length() > settings.maxPayload()) {
                ws.close((short) 1009, "message too big");
                return;
            }
            listener.binary(data);
        });
        ws.closeHandler(v -> close("transport close"));
        ws.exceptionHandler(e -> {
            // Vert.x refuses a message over WS_MAX_FRAME_SIZE (and Netty a frame) before any handler sees it
            if (!ws.isClosed() && (e instanceof CorruptedWebSocketFrameException
                    || e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("max message size"))) {
                ws.close((short) 1009, "message too big");
            }
            close("transport error");
        });
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private void write(ServerWebSocket ws, Outgoing out) {
        ws.writeTextMessage(out.packet()).onComplete(ar -> out.written().run());
    }

    // --- sending and closing ---------------------------------------------------------------------------------------

    /** Sends one Engine.IO packet; {@code written} runs once it went out (or the session ended). */
    void send(String packet, Runnable written) {
        synchronized (this) {
            if (!closed) {
                Outgoing out = new Outgoing(packet, written);
                if (socket != null) {
                    write(socket, out);
                } else {
                    buffer.add(out);
                    if (poll != null) {
                        flushTo(poll);
                    }
                }
                return;
            }
        }
        written.run();
    }

    /** Sends what waits (and {@code last}, if given), then closes; closes anyway after pingTimeout. */
    void closeAfterFlush(String last) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (socket != null) {
                if (last == null) {
                    socket.close();
                } else {
                    socket.writeTextMessage(last).onComplete(ar -> close("server close"));
                }
                return;
            }
            closeWhenDrained = true;
            if (last != null) {
                buffer.add(new Outgoing(last, NOTHING));
            }
            if (poll != null) {
                flushTo(poll);
            }
        }
        vertx.setTimer(settings.pingTimeoutMillis(), id -> close("server close"));
    }

    void close(String reason) {
        List<Runnable> dropped = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            vertx.cancelTimer(pingTimer);
            if (pongTimer >= 0) {
                vertx.cancelTimer(pongTimer);
            }
            if (poll != null) {
                end(poll, "1");
                poll = null;
            }
            if (socket != null && !socket.isClosed()) {
                socket.close();
            }
            if (probe != null && !probe.isClosed()) {
                probe.close();
            }
            Outgoing next;
            while ((next = buffer.poll()) != null) {
                dropped.add(next.written());
            }
        }
        dropped.forEach(Runnable::run);
        onClosed.accept(this);
        Listener up = listener;
        if (up != null) {
            up.closed(reason);
        }
    }
}
