package echos.realtime;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pings every open socket each WS_PING_INTERVAL; browsers answer with pongs, which keep the socket from
 * {@link IdleSockets}. One timer for the node rather than one per socket.
 */
@ApplicationScoped
public class SocketPings {

    private final Connections connections;
    private final Vertx vertx;
    private final long intervalMillis;
    private long timer = -1;

    public SocketPings(Connections connections, Vertx vertx, @ConfigProperty(name = "echos.ws.ping-interval") Duration interval) {
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("WS_PING_INTERVAL must be positive");
        }
        this.connections = connections;
        this.vertx = vertx;
        this.intervalMillis = interval.toMillis();
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(intervalMillis, id -> pingAll());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    void pingAll() {
        for (Peer peer : connections.matching(Peer::isLive)) {
            peer.ping();
        }
    }
}
