package echos.realtime;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Closes sockets that have sent nothing (not even a pong) for the idle timeout: dead peers, half-open TCP. */
@ApplicationScoped
public class IdleSockets {

    private final Connections connections;
    private final Vertx vertx;
    private final Clock clock;
    private final Duration idleTimeout;
    private long timer = -1;

    public IdleSockets(Connections connections, Vertx vertx, Clock clock,
            @ConfigProperty(name = "echos.ws.idle-timeout") Duration idleTimeout) {
        this.connections = connections;
        this.vertx = vertx;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    void start(@Observes StartupEvent event) {
        long period = Math.max(1000, Math.min(10_000, idleTimeout.toMillis() / 4));
        timer = vertx.setPeriodic(period, id -> closeSilent());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    void closeSilent() {
        long cutoff = clock.millis() - idleTimeout.toMillis();
        for (Peer peer : connections.silentSince(cutoff)) {
            peer.close(CloseCodes.GOING_AWAY, "idle timeout");
        }
    }
}
