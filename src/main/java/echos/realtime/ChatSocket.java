package echos.realtime;

import echos.auth.SessionCheck;
import echos.presence.PresenceRegistry;
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
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/** The chat socket at /ws: {@link SocketUpgradeCheck} admits only live sessions; frames go to {@link FrameDispatcher}. */
@WebSocket(path = "/ws", endpointId = ChatSocket.ENDPOINT_ID)
public class ChatSocket {

    static final String ENDPOINT_ID = "chat";
    private static final Logger LOG = Logger.getLogger(ChatSocket.class);

    private final SecurityIdentity identity;
    private final Connections connections;
    private final FrameDispatcher frames;
    private final PresenceRegistry presence;
    private final PresenceSnapshot snapshot;
    private final SocketCap cap;
    private final Clock clock;

    public ChatSocket(SecurityIdentity identity, Connections connections, FrameDispatcher frames, PresenceRegistry presence,
            PresenceSnapshot snapshot, SocketCap cap, Clock clock) {
        this.cap = cap;
        this.identity = identity;
        this.connections = connections;
        this.frames = frames;
        this.presence = presence;
        this.snapshot = snapshot;
        this.clock = clock;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        String userId = identity.getAttribute(SessionCheck.USER_ID);
        Instant expiresAt = identity.getAttribute(SessionCheck.SESSION_EXPIRES_AT);
        Peer peer = connections.add(connection, connection.userData().get(SocketUpgradeCheck.TCP), userId,
                identity.getAttribute(SessionCheck.SESSION_ID), expiresAt);
        presence.connected(userId, connection.id());
        cap.opened(userId, connection.id());
        snapshot.sendTo(peer);
        LOG.debugf("event=socket_open user=%s connection=%s", userId, connection.id());
    }

    @OnTextMessage
    void message(String text, WebSocketConnection connection) {
        Peer peer = connections.get(connection.id());
        if (peer != null) {
            peer.heard(clock.millis());
            frames.handle(peer, text);
        }
    }

    @OnPongMessage
    void pong(Buffer data, WebSocketConnection connection) {
        Peer peer = connections.get(connection.id());
        if (peer != null) {
            peer.heard(clock.millis());
        }
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
        Peer peer = connections.remove(connection.id());
        if (peer != null) {
            presence.disconnected(peer.userId(), peer.id());
        }
    }
}
