package echos.presence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Who is online, across every node sharing the registry's store. Presence is kept per connection id with an
 * expiry: each node refreshes its open connections by heartbeat, so the connections of a node that died without
 * closing them expire after the connection TTL. A user is online while at least one unexpired connection exists
 * on any node, and for the grace period after the last one closed or expired (so a reload never flickers).
 * Each transition is reported once, as a {@link PresenceChanged}, to the registry's {@link PresenceListener}.
 */
public interface PresenceRegistry {

    /** A socket of the user opened on this node; it stays alive for the connection TTL unless refreshed. */
    void connected(String userId, String connectionId);

    /** The socket closed; unknown or already expired connections are ignored. */
    void disconnected(String userId, String connectionId);

    /** Heartbeat: these connections are still open, so their expiry moves to now plus the TTL. Unknown ids are ignored. */
    void refresh(Collection<String> connectionIds);

    /**
     * Applies time: connections not refreshed within the TTL count as closed, and users whose last connection
     * closed or expired more than the grace period ago go offline. Called periodically; must be cheap.
     */
    void sweep();

    boolean isOnline(String userId);

    /**
     * The user's open connections on every node, oldest first (by when they connected; ties by id): what the
     * per-account socket cap counts. May still list a connection of a dead node until its TTL has passed.
     */
    List<String> connections(String userId);

    /** When the user was last seen before going offline, if known to this registry. */
    Optional<Instant> lastSeenAt(String userId);
}
