package echos.realtime;

import echos.auth.SessionCache;
import echos.auth.SessionsEnded;
import echos.conversation.MembershipCache;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/**
 * {@link Fanout} through the {@link Broker}: the frame is encoded once by the node the event happened on, and
 * every node writes it to its own sockets. Subscribes at start, so a node that nothing has asked to send yet
 * still delivers what the others publish.
 */
@Startup
@ApplicationScoped
public class BrokerFanout implements Fanout {

    private final Broker broker;
    private final Connections connections;
    private final FrameCodec codec;
    private final MembershipCache memberships;
    private final SessionCache sessions;

    public BrokerFanout(Broker broker, Connections connections, FrameCodec codec, MembershipCache memberships, SessionCache sessions) {
        this.sessions = sessions;
        this.broker = broker;
        this.connections = connections;
        this.codec = codec;
        this.memberships = memberships;
    }

    @PostConstruct
    void subscribe() {
        broker.subscribe(this::deliverHere);
    }

    @Override
    public void toUsers(Collection<String> userIds, OutboundFrame frame) {
        toUsersExcept(userIds, frame, null);
    }

    @Override
    public void toUsersExcept(Collection<String> userIds, OutboundFrame frame, String originConnectionId) {
        if (!userIds.isEmpty()) {
            broker.publish(new Broadcast.ToUsers(List.copyOf(userIds), codec.encode(frame), originConnectionId));
        }
    }

    @Override
    public void endSessions(SessionsEnded ended) {
        broker.publish(new Broadcast.EndSessions(ended));
    }

    @Override
    public void membershipChanged(String conversationId) {
        broker.publish(new Broadcast.MembershipChanged(conversationId));
    }

    @Override
    public void closeOverCap(Collection<String> connectionIds) {
        if (!connectionIds.isEmpty()) {
            broker.publish(new Broadcast.CloseOverCap(List.copyOf(connectionIds)));
        }
    }

    private void deliverHere(Broadcast broadcast) {
        if (broadcast instanceof Broadcast.ToUsers to) {
            connections.sendToUsers(to.userIds(), to.text(), to.exceptConnectionId() == null ? "" : to.exceptConnectionId());
        } else if (broadcast instanceof Broadcast.EndSessions end) {
            sessions.forget(end.ended());
            for (Peer peer : connections.matching(p -> end.ended().covers(p.userId(), p.sessionId()))) {
                peer.close(CloseCodes.SESSION_REVOKED, "session_revoked");
            }
        } else if (broadcast instanceof Broadcast.MembershipChanged changed) {
            memberships.forget(changed.conversationId());
        } else if (broadcast instanceof Broadcast.MayHaveMissed) {
            memberships.forgetAll(); // a membership change or a revocation may have been among what was missed
            sessions.forgetAll();
            EncodedFrame frame = new EncodedFrame(codec.encode(OutboundFrame.of("sync.needed", java.util.Map.of())));
            connections.matching(Peer::isLive).forEach(peer -> peer.send(frame));
        } else if (broadcast instanceof Broadcast.CloseOverCap over) {
            for (String id : over.connectionIds()) {
                Peer peer = connections.get(id);
                if (peer != null) {
                    peer.close(CloseCodes.TOO_MANY_SOCKETS, "too_many_sockets");
                }
            }
        }
    }
}
