package echos.realtime;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;

/**
 * Closes sockets whose session has expired (the upgrade check only sees the session once), within a second of
 * expiry, with {@link CloseCodes#SESSION_EXPIRED}.
 */
@ApplicationScoped
public class ExpiredSessions {

    static final long SWEEP_MILLIS = 1000;

    private final Connections connections;
    private final Vertx vertx;
    private final Clock clock;
    private long timer = -1;

    public ExpiredSessions(Connections connections, Vertx vertx, Clock clock) {
        this.connections = connections;
        this.vertx = vertx;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(SWEEP_MILLIS, id -> closeExpired());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    void closeExpired() {
        long now = clock.millis();
        for (Peer peer : connections.matching(p -> p.isLive() && p.sessionExpiredAt(now))) {
            peer.close(CloseCodes.SESSION_EXPIRED, "session_expired");
        }
    }
}
