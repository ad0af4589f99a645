package echos.presence;

import echos.user.UserStore;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts open sockets per user in this JVM. The offline transition waits for the grace period on a Vert.x timer,
 * so a reload (close then open within the grace period) never shows the user offline.
 */
@ApplicationScoped
public class InMemoryPresence implements PresenceRegistry {

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final Clock clock;
    private final UserStore users;
    private final Event<PresenceChanged> changes;
    private final long graceMillis;

    public InMemoryPresence(Vertx vertx, Clock clock, UserStore users, Event<PresenceChanged> changes,
            @ConfigProperty(name = "echos.presence.grace-period") Duration grace) {
        this.vertx = vertx;
        this.clock = clock;
        this.users = users;
        this.changes = changes;
        this.graceMillis = Math.max(1, grace.toMillis());
    }

    private static final class State {
        int sockets;
        long offlineTimer = -1;
        boolean online;
        Instant lastSeenAt;
    }

    @Override
    public void socketOpened(String userId) {
        boolean cameOnline;
        synchronized (this) {
            State state = states.computeIfAbsent(userId, k -> new State());
            state.sockets++;
            if (state.offlineTimer != -1) {
                vertx.cancelTimer(state.offlineTimer);
                state.offlineTimer = -1;
            }
            cameOnline = !state.online;
            state.online = true;
        }
        if (cameOnline) {
            changes.fire(new PresenceChanged(userId, true, null));
        }
    }

    @Override
    public void socketClosed(String userId) {
        synchronized (this) {
            State state = states.get(userId);
            if (state == null || state.sockets == 0) {
                return;
            }
            state.sockets--;
            if (state.sockets > 0) {
                return;
            }
            Instant closedAt = clock.instant();
            state.offlineTimer = vertx.setTimer(graceMillis, id -> vertx.executeBlocking(() -> {
                goOfflineIfStillClosed(userId, id, closedAt);
                return null;
            }, false));
        }
    }

    private void goOfflineIfStillClosed(String userId, long timerId, Instant closedAt) {
        synchronized (this) {
            State state = states.get(userId);
            if (state == null || state.offlineTimer != timerId || state.sockets > 0) {
                return;
            }
            state.offlineTimer = -1;
            state.online = false;
            state.lastSeenAt = closedAt;
        }
        users.updateLastSeen(userId, closedAt);
        changes.fire(new PresenceChanged(userId, false, closedAt));
    }

    @Override
    public boolean isOnline(String userId) {
        State state = states.get(userId);
        return state != null && state.online;
    }

    @Override
    public Optional<Instant> lastSeenAt(String userId) {
        State state = states.get(userId);
        return state == null ? Optional.empty() : Optional.ofNullable(state.lastSeenAt);
    }
}
