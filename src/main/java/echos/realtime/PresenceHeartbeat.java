package echos.realtime;

import echos.presence.PresenceRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every PRESENCE_HEARTBEAT_INTERVAL, tells presence that this node's sockets are still open, so they do not expire;
 * if this node dies, its sockets expire after PRESENCE_CONNECTION_TTL on the other nodes.
 */
@ApplicationScoped
public class PresenceHeartbeat {

    private static final Logger LOG = Logger.getLogger(PresenceHeartbeat.class);

    private final Connections connections;
    private final PresenceRegistry presence;
    private final Vertx vertx;
    private final long periodMillis;
    private long timer = -1;

    public PresenceHeartbeat(Connections connections, PresenceRegistry presence, Vertx vertx,
            @ConfigProperty(name = "echos.presence.heartbeat-interval") Duration interval,
            @ConfigProperty(name = "echos.presence.connection-ttl") Duration ttl) {
        if (interval.toMillis() < 10 || interval.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("PRESENCE_HEARTBEAT_INTERVAL must be at least 10 ms and shorter than PRESENCE_CONNECTION_TTL");
        }
        this.connections = connections;
        this.presence = presence;
        this.vertx = vertx;
        this.periodMillis = interval.toMillis();
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(periodMillis, id -> vertx.executeBlocking(() -> {
            beat();
            return null;
        }, false).onFailure(e -> LOG.errorf(e, "event=presence_heartbeat_failed")));
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    /** Refreshes the presence of every socket open on this node. */
    public void beat() {
        List<String> open = connections.matching(peer -> true).stream().map(Peer::id).toList();
        presence.refresh(open);
    }
}
