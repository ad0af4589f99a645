package echos.realtime;

import echos.presence.PresenceRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * What every socket endpoint does with its sockets, whatever the protocol: register the peer (socket cap included),
 * tell presence, send the presence snapshot, hand inbound frames to {@link FrameDispatcher}, and unregister on close.
 * An endpoint only adapts its protocol's events to these calls.
 */
@ApplicationScoped
public class PeerLifecycle {

    private static final Logger LOG = Logger.getLogger(PeerLifecycle.class);

    private final Connections connections;
    private final FrameDispatcher frames;
    private final PresenceRegistry presence;
    private final PresenceSnapshot snapshot;
    private final SocketCap cap;
    private final Clock clock;

    public PeerLifecycle(Connections connections, FrameDispatcher frames, PresenceRegistry presence, PresenceSnapshot snapshot,
            SocketCap cap, Clock clock) {
        this.connections = connections;
        this.frames = frames;
        this.presence = presence;
        this.snapshot = snapshot;
        this.cap = cap;
        this.clock = clock;
    }

    /** A socket of this live session (its transport checked the session) is open. */
    public Peer opened(Transport transport, String userId, String sessionId, Instant expiresAt) {
        Peer peer = connections.add(transport, userId, sessionId, expiresAt);
        presence.connected(userId, transport.id());
        cap.opened(userId, transport.id());
        snapshot.sendTo(peer);
        LOG.debugf("event=socket_open user=%s connection=%s", userId, transport.id());
        return peer;
    }

    /** One inbound frame (the JSON text of an {@link InboundFrame}). */
    public void received(String connectionId, String frame) {
        Peer peer = connections.get(connectionId);
        if (peer != null) {
            peer.heard(clock.millis());
            frames.handle(peer, frame);
        }
    }

    /** The client showed it is alive without sending a frame (a pong). */
    public void heard(String connectionId) {
        Peer peer = connections.get(connectionId);
        if (peer != null) {
            peer.heard(clock.millis());
        }
    }

    public void closed(String connectionId) {
        Peer peer = connections.remove(connectionId);
        if (peer != null) {
            presence.disconnected(peer.userId(), peer.id());
        }
    }

    /** Whether the socket is still registered (it is until its close completes). */
    public boolean isRegistered(String connectionId) {
        return connections.get(connectionId) != null;
    }
}
