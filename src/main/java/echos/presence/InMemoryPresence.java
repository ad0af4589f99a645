package echos.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Presence for one node, in this JVM's memory. Time is read from the injected {@link Clock} only (no timers), so
 * {@link #sweep()} decides expiry and the end of the grace period, and tests move the clock instead of sleeping.
 * A sweep scans the connections only once the earliest expiry may have passed, so most sweeps touch only the
 * users waiting out their grace period.
 */
public class InMemoryPresence implements PresenceRegistry {

    private final Map<String, Connection> connections = new HashMap<>();
    private final Map<String, UserState> users = new HashMap<>();
    private final Set<String> inGrace = new HashSet<>();
    private final Clock clock;
    private final PresenceListener listener;
    private final long ttlMillis;
    private final long graceMillis;
    /** No connection expires before this instant (a lower bound: refreshes only push expiries later). */
    private long earliestExpiry = Long.MAX_VALUE;

    public InMemoryPresence(Clock clock, PresenceListener listener, Duration ttl, Duration grace) {
        if (ttl.toMillis() < 1 || grace.isNegative()) {
            throw new IllegalArgumentException("PRESENCE_CONNECTION_TTL must be positive and PRESENCE_GRACE_PERIOD not negative");
        }
        this.clock = clock;
        this.listener = listener;
        this.ttlMillis = ttl.toMillis();
        this.graceMillis = grace.toMillis();
    }

    private static final class Connection {
        final String userId;
        final long connectedAt;
        long aliveAt;
        long expiresAt;

        Connection(String userId, long now, long ttl) {
            this.userId = userId;
            this.connectedAt = now;
            refresh(now, ttl);
        }

        void refresh(long now, long ttl) {
            aliveAt = now;
            expiresAt = now + ttl;
        }
    }

    private static final class UserState {
        final Set<String> connectionIds = new HashSet<>();
        boolean online;
        /** When the last connection closed or expired (the grace period runs from there). */
        long closedAt;
        /** The latest time any closed or expired connection of the user was known alive. */
        Instant seenAt;
        Instant lastSeenAt;
    }

    @Override
    public void connected(String userId, String connectionId) {
        boolean cameOnline;
        synchronized (this) {
            long now = clock.millis();
            Connection previous = connections.put(connectionId, new Connection(userId, now, ttlMillis));
            if (previous != null && !previous.userId.equals(userId)) {
                closed(connectionId, previous.userId, now, Instant.ofEpochMilli(now));
            }
            earliestExpiry = Math.min(earliestExpiry, now + ttlMillis);
            UserState state = users.computeIfAbsent(userId, k -> new UserState());
            state.connectionIds.add(connectionId);
            inGrace.remove(userId);
            cameOnline = !state.online;
            state.online = true;
        }
        if (cameOnline) {
            listener.changed(new PresenceChanged(userId, true, null));
        }
    }

    @Override
    public synchronized void disconnected(String userId, String connectionId) {
        Connection connection = connections.remove(connectionId);
        if (connection != null) {
            long now = clock.millis();
            closed(connectionId, connection.userId, now, Instant.ofEpochMilli(now));
        }
    }

    private void closed(String connectionId, String userId, long closedAt, Instant seenAt) {
        UserState state = users.get(userId);
        state.connectionIds.remove(connectionId);
        if (state.connectionIds.isEmpty()) {
            state.closedAt = closedAt;
        }
        if (state.seenAt == null || seenAt.isAfter(state.seenAt)) {
            state.seenAt = seenAt;
        }
        if (state.connectionIds.isEmpty()) {
            inGrace.add(userId);
        }
    }

    @Override
    public synchronized void refresh(Collection<String> connectionIds) {
        long now = clock.millis();
        for (String id : connectionIds) {
            Connection connection = connections.get(id);
            if (connection != null) {
                connection.refresh(now, ttlMillis);
            }
        }
    }

    @Override
    public void sweep() {
        List<PresenceChanged> wentOffline = new ArrayList<>();
        synchronized (this) {
            long now = clock.millis();
            if (now >= earliestExpiry) {
                expireConnections(now);
            }
            for (Iterator<String> it = inGrace.iterator(); it.hasNext(); ) {
                String userId = it.next();
                UserState state = users.get(userId);
                if (now - state.closedAt >= graceMillis) {
                    it.remove();
                    state.online = false;
                    state.lastSeenAt = state.seenAt;
                    wentOffline.add(new PresenceChanged(userId, false, state.seenAt));
                }
            }
        }
        wentOffline.forEach(listener::changed);
    }

    /** A connection nobody refreshed within the TTL (its node died) closed when it expired; it was last seen alive at its last refresh. */
    private void expireConnections(long now) {
        long earliest = Long.MAX_VALUE;
        for (Iterator<Map.Entry<String, Connection>> it = connections.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Connection> entry = it.next();
            Connection connection = entry.getValue();
            if (connection.expiresAt <= now) {
                it.remove();
                closed(entry.getKey(), connection.userId, connection.expiresAt, Instant.ofEpochMilli(connection.aliveAt));
            } else {
                earliest = Math.min(earliest, connection.expiresAt);
            }
        }
        earliestExpiry = earliest;
    }

    @Override
    public synchronized boolean isOnline(String userId) {
        UserState state = users.get(userId);
        return state != null && state.online;
    }

    @Override
    public synchronized List<String> connections(String userId) {
        UserState state = users.get(userId);
        if (state == null) {
            return List.of();
        }
        return state.connectionIds.stream()
                .sorted(Comparator.comparingLong((String id) -> connections.get(id).connectedAt).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    @Override
    public synchronized Optional<Instant> lastSeenAt(String userId) {
        UserState state = users.get(userId);
        return state == null ? Optional.empty() : Optional.ofNullable(state.lastSeenAt);
    }
}
