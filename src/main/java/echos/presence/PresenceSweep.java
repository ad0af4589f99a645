package echos.presence;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Runs {@link PresenceRegistry#sweep()} every PRESENCE_SWEEP_INTERVAL on a worker (going offline writes last-seen). */
@ApplicationScoped
public class PresenceSweep {

    private static final Logger LOG = Logger.getLogger(PresenceSweep.class);

    private final PresenceRegistry presence;
    private final Vertx vertx;
    private final long periodMillis;
    private long timer = -1;

    public PresenceSweep(PresenceRegistry presence, Vertx vertx,
            @ConfigProperty(name = "echos.presence.sweep-interval") Duration interval) {
        if (interval.toMillis() < 10) {
            throw new IllegalArgumentException("PRESENCE_SWEEP_INTERVAL must be at least 10 ms");
        }
        this.presence = presence;
        this.vertx = vertx;
        this.periodMillis = interval.toMillis();
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(periodMillis, id -> vertx.executeBlocking(() -> {
            presence.sweep();
            return null;
        }, false).onFailure(e -> LOG.errorf(e, "event=presence_sweep_failed")));
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }
}
