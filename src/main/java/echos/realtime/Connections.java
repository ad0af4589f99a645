package echos.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The sockets open on this node, by connection id and by user. Node-local by nature. A user over the per-account
 * socket cap loses their oldest socket, so someone who leaves tabs open is never locked out.
 */
@ApplicationScoped
public class Connections {

    private static final Logger LOG = Logger.getLogger(Connections.class);

    private final Map<String, Peer> byConnection = new ConcurrentHashMap<>();
    private final Map<String, Set<Peer>> byUser = new ConcurrentHashMap<>();
    private final AtomicLong opened = new AtomicLong();
    private final Clock clock;
    private final OutboundLimit limit;
    private final int maxPerAccount;

    public Connections(Clock clock, @ConfigProperty(name = "echos.ws.max-outbound-queue") int maxQueued,
            @ConfigProperty(name = "echos.ws.max-outbound-bytes") long maxQueuedBytes,
            @ConfigProperty(name = "echos.ws.max-sockets-per-account") int maxPerAccount) {
        if (maxPerAccount < 1) {
            throw new IllegalArgumentException("WS_MAX_SOCKETS_PER_ACCOUNT must be at least 1");
        }
        this.clock = clock;
        this.limit = new OutboundLimit(maxQueued, maxQueuedBytes);
        this.maxPerAccount = maxPerAccount;
    }

    Peer add(Transport transport, String userId, String sessionId, Instant sessionExpiresAt) {
        long expiresAt = sessionExpiresAt == null ? Long.MAX_VALUE : sessionExpiresAt.toEpochMilli();
        Peer peer = new Peer(transport, userId, sessionId, expiresAt, limit, clock.millis(), opened.incrementAndGet());
        byConnection.put(transport.id(), peer);
        List<Peer> evicted = new ArrayList<>();
        byUser.compute(userId, (k, peers) -> {
            Set<Peer> all = peers == null ? ConcurrentHashMap.newKeySet() : peers;
            all.add(peer);
            List<Peer> live = all.stream().filter(Peer::isLive).sorted(Comparator.comparingLong(Peer::openedOrder)).toList();
            for (Peer old : live.subList(0, Math.max(0, live.size() - maxPerAccount))) {
                old.markClosing(); // inside compute, so a concurrent open does not pick the same one
                evicted.add(old);
            }
            return all;
        });
        for (Peer old : evicted) {
            LOG.infof("event=socket_evicted user=%s reason=too_many_sockets max=%d", userId, maxPerAccount);
            old.close(CloseCodes.TOO_MANY_SOCKETS, "too_many_sockets");
        }
        return peer;
    }

    Peer remove(String connectionId) {
        Peer peer = byConnection.remove(connectionId);
        if (peer != null) {
            byUser.computeIfPresent(peer.userId(), (k, peers) -> {
                peers.remove(peer);
                return peers.isEmpty() ? null : peers;
            });
        }
        return peer;
    }

    Peer get(String connectionId) {
        return byConnection.get(connectionId);
    }

    /** Sends the same text to every socket of these users, except the one with id {@code skipConnectionId}. */
    public void sendToUsers(Collection<String> userIds, String text, String skipConnectionId) {
        EncodedFrame frame = new EncodedFrame(text);
        for (String userId : userIds) {
            Set<Peer> peers = byUser.get(userId);
            if (peers == null) {
                continue;
            }
            for (Peer peer : peers) {
                if (!peer.id().equals(skipConnectionId)) {
                    peer.send(frame);
                }
            }
        }
    }

    List<Peer> matching(Predicate<Peer> test) {
        return byConnection.values().stream().filter(test).toList();
    }

    List<Peer> silentSince(long millis) {
        return matching(p -> p.lastHeardAt() < millis);
    }

    /** The user's sockets still registered on this node (closing ones until their close completes). */
    List<Peer> ofUser(String userId) {
        Set<Peer> peers = byUser.get(userId);
        return peers == null ? List.of() : List.copyOf(peers);
    }

    public int size() {
        return byConnection.size();
    }
}
