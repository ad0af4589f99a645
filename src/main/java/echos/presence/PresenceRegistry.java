package echos.presence;

import java.time.Instant;
import java.util.Optional;

/**
 * Who is online. A user is online while at least one socket is open, and for a grace period after the last one
 * closes. In memory for one node now; a Redis implementation shares it across nodes.
 */
public interface PresenceRegistry {

    void socketOpened(String userId);

    void socketClosed(String userId);

    boolean isOnline(String userId);

    /** When the user was last seen going offline, if known to this registry. */
    Optional<Instant> lastSeenAt(String userId);
}
