package echos.realtime;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import org.jboss.logging.Logger;

/**
 * The chat socket at /ws: {@link SocketUpgradeCheck} admits only live sessions; this endpoint adapts the WebSocket's
 * events to {@link PeerLifecycle} and its connection to a {@link WebSocketTransport}.
 */
@WebSocket(path = "/ws", endpointId = ChatSocket.ENDPOINT_ID)
public class ChatSocket {

    static final String ENDPOINT_ID = "chat";
    private static final Logger LOG = Logger.getLogger(ChatSocket.class);

    private final SecurityIdentity identity;
    private final PeerLifecycle peers;
    private final CloseDeadline closeDeadline;

    public ChatSocket(SecurityIdentity identity, PeerLifecycle peers, CloseDeadline closeDeadline) {
        this.identity = identity;
        this.peers = peers;
        this.closeDeadline = closeDeadline;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        String id = connection.id();
        peers.opened(new WebSocketTransport(connection, connection.userData().get(SocketUpgradeCheck.TCP), closeDeadline,
                () -> peers.isRegistered(id)), identity);
    }

    @OnTextMessage
    void message(String text, WebSocketConnection connection) {
        peers.received(connection.id(), text);
    }

    @OnPongMessage
    void pong(Buffer data, WebSocketConnection connection) {
        peers.heard(connection.id());
    }

    /** Vert.x reports a frame over WS_MAX_FRAME_SIZE as an IllegalStateException; close with 1009 (message too big). */
    @OnError
    void failed(IllegalStateException e, WebSocketConnection connection) {
        if (String.valueOf(e.getMessage()).contains("max message size")) {
            connection.close(new CloseReason(CloseCodes.MESSAGE_TOO_BIG, "frame too large")).subscribe().with(ok -> { }, failure -> { });
        } else {
            LOG.errorf(e, "event=socket_failed connection=%s", connection.id());
            connection.close(new CloseReason(CloseReason.INTERNAL_SERVER_ERROR.getCode(), "internal error"))
                    .subscribe().with(ok -> { }, failure -> { });
        }
    }

    @OnClose
    void close(WebSocketConnection connection) {
        peers.closed(connection.id());
    }
}
