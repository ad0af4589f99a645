package echos.realtime;

import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The sockets open on this node, by connection id and by user. Node-local by nature. */
@ApplicationScoped
public class Connections {

    private final Map<String, Peer> byConnection = new ConcurrentHashMap<>();
    private final Map<String, Set<Peer>> byUser = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxQueued;

    public Connections(Clock clock, @ConfigProperty(name = "echos.ws.max-outbound-queue") int maxQueued) {
        this.clock = clock;
        this.maxQueued = maxQueued;
    }

    Peer add(WebSocketConnection connection, String userId, String sessionId) {
        Peer peer = new Peer(connection, userId, sessionId, maxQueued, clock.millis());
        byConnection.put(connection.id(), peer);
        byUser.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet()).add(peer);
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
        for (String userId : userIds) {
            Set<Peer> peers = byUser.get(userId);
            if (peers == null) {
                continue;
            }
            for (Peer peer : peers) {
                if (!peer.id().equals(skipConnectionId)) {
                    peer.send(text);
                }
            }
        }
    }

    List<Peer> matching(java.util.function.Predicate<Peer> test) {
        return byConnection.values().stream().filter(test).toList();
    }

    List<Peer> silentSince(long millis) {
        return byConnection.values().stream().filter(p -> p.lastHeardAt() < millis).toList();
    }

    public int size() {
        return byConnection.size();
    }
}
