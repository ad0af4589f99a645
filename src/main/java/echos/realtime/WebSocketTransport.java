package echos.realtime;

import echos.auth.Session;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * One socket at {@code /ws}: each outbound frame is one text message, as is. Its open, text messages and close reach
 * {@link PeerLifecycle} one after another on a worker (handling a frame blocks); binary messages are ignored.
 */
final class WebSocketTransport implements Transport {

    private static final Logger LOG = Logger.getLogger(WebSocketTransport.class);
    private static final short INTERNAL_ERROR = 1011;

    private final String id = UUID.randomUUID().toString();
    private final ServerWebSocket socket;
    private final HttpConnection tcp;
    private final PeerLifecycle peers;
    private final CloseDeadline closeDeadline;
    private final SerialQueue events;

    /** @param tcp the socket's TCP connection, so a peer that never answers the close handshake can be cut off */
    WebSocketTransport(ServerWebSocket socket, HttpConnection tcp, PeerLifecycle peers, CloseDeadline closeDeadline,
            Executor workers) {
        this.socket = socket;
        this.tcp = tcp;
        this.peers = peers;
        this.closeDeadline = closeDeadline;
        this.events = new SerialQueue(workers);
    }

    /** Registers the peer of this session and listens to the socket. */
    void open(Session session) {
        socket.textMessageHandler(text -> events.run(() -> peers.received(id, text)));
        socket.pongHandler(data -> peers.heard(id));
        socket.exceptionHandler(this::failed);
        socket.closeHandler(v -> events.run(() -> peers.closed(id)));
        events.run(() -> {
            try {
                peers.opened(this, session.userId(), session.id(), session.expiresAt());
            } catch (RuntimeException e) {
                LOG.errorf(e, "event=socket_open_failed connection=%s", id);
                socket.close(INTERNAL_ERROR, "internal error");
            }
        });
    }

    /** Vert.x refuses a frame or message over WS_MAX_FRAME_SIZE before any handler sees it; that closes with 1009. */
    private void failed(Throwable e) {
        if (socket.isClosed()) {
            return;
        }
        if (e instanceof CorruptedWebSocketFrameException corrupted) {
            int code = corrupted.closeStatus().code();
            socket.close((short) code, code == CloseCodes.MESSAGE_TOO_BIG ? "frame too large" : corrupted.closeStatus().reasonText());
        } else if (e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("max message size")) {
            socket.close(CloseCodes.MESSAGE_TOO_BIG, "frame too large");
        } else if (e instanceof IOException) {
            LOG.debugf("event=socket_io_failed connection=%s reason=%s", id, e);
        } else {
            LOG.errorf(e, "event=socket_failed connection=%s", id);
            socket.close(INTERNAL_ERROR, "internal error");
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void send(EncodedFrame frame, Runnable written) {
        // Vert.x's public API takes only a String for text frames and encodes it per socket; this frame wraps the
        // fan-out's shared bytes instead (no copy)
        socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, frame.utf8(), true)).onComplete(done -> written.run());
    }

    @Override
    public void ping() {
        if (!socket.isClosed()) {
            socket.writePing(Buffer.buffer());
        }
    }

    @Override
    public void close(int code, String reason) {
        socket.close((short) code, reason);
        closeDeadline.start(id, tcp, () -> peers.isRegistered(id));
    }
}
