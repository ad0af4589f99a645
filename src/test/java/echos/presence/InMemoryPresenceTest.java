package echos.presence;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/** The one-node registry: every node of its "cluster" is the same registry. */
class InMemoryPresenceTest extends PresenceRegistryContract {

    @Override
    protected List<PresenceRegistry> cluster(int nodes, Clock clock, PresenceListener listener, Duration ttl, Duration grace) {
        return Collections.nCopies(nodes, new InMemoryPresence(clock, listener, ttl, grace));
    }
}
