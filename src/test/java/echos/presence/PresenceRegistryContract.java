package echos.presence;

import echos.common.time.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PresenceRegistry} guarantees, run on each implementation. Time only moves when the test moves
 * the shared clock, and only {@link PresenceRegistry#sweep()} applies it, so no test sleeps. Node "a" of a cluster
 * plays the node that may die (it is never refreshed nor swept in the expiry tests); node "b" survives.
 */
public abstract class PresenceRegistryContract {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration MS = Duration.ofMillis(1);

    /**
     * Registries of one cluster, one per node, sharing one store, all reading {@code clock} and telling every
     * transition to {@code listener} before the call that caused it returns. (The in-memory registry is a single
     * node; it may return the same registry for every node.)
     */
    protected abstract List<PresenceRegistry> cluster(int nodes, Clock clock, PresenceListener listener, Duration ttl, Duration grace);

    private final ManualClock clock = new ManualClock();
    private final List<PresenceChanged> changes = new CopyOnWriteArrayList<>();
    private PresenceRegistry a;
    private PresenceRegistry b;
    private List<PresenceRegistry> nodes;

    @BeforeEach
    void startCluster() {
        nodes = cluster(2, clock, changes::add, TTL, GRACE);
        a = nodes.get(0);
        b = nodes.get(1);
    }

    private void sweepAll() {
        nodes.forEach(PresenceRegistry::sweep);
    }

    private static PresenceChanged online(String userId) {
        return new PresenceChanged(userId, true, null);
    }

    private static PresenceChanged offline(String userId, Instant lastSeenAt) {
        return new PresenceChanged(userId, false, lastSeenAt);
    }

    @Test
    void isOnlineWithOneConnection() {
        assertFalse(b.isOnline("u1"));
        a.connected("u1", "c1");
        sweepAll();
        assertTrue(a.isOnline("u1"));
        assertTrue(b.isOnline("u1"), "seen from the other node too");
        assertFalse(b.isOnline("u2"));
        assertEquals(List.of(online("u1")), changes);
    }

    @Test
    void staysOnlineWhileAnotherConnectionOnAnyNodeIsOpen() {
        a.connected("u1", "c1");
        b.connected("u1", "c2");
        a.disconnected("u1", "c1");
        clock.advance(GRACE.multipliedBy(2));
        sweepAll();
        assertTrue(a.isOnline("u1"));
        assertTrue(b.isOnline("u1"));
        assertEquals(List.of(online("u1")), changes, "the second connection is no transition");
    }

    @Test
    void goesOfflineOnlyAfterTheGracePeriodWithLastSeenAtTheClose() {
        a.connected("u1", "c1");
        clock.advance(Duration.ofSeconds(3));
        Instant closedAt = clock.instant();
        a.disconnected("u1", "c1");
        clock.advance(GRACE.minus(MS));
        sweepAll();
        assertTrue(b.isOnline("u1"), "still within the grace period");
        assertEquals(Optional.empty(), b.lastSeenAt("u1"));
        clock.advance(MS);
        sweepAll();
        assertFalse(a.isOnline("u1"));
        assertFalse(b.isOnline("u1"));
        assertEquals(Optional.of(closedAt), b.lastSeenAt("u1"));
        assertEquals(List.of(online("u1"), offline("u1", closedAt)), changes);
    }

    @Test
    void aReconnectWithinTheGracePeriodOnAnotherNodeIsNeverOffline() {
        a.connected("u1", "c1");
        a.disconnected("u1", "c1");
        clock.advance(GRACE.minus(MS));
        sweepAll();
        b.connected("u1", "c2");
        clock.advance(GRACE.multipliedBy(3));
        sweepAll();
        assertTrue(a.isOnline("u1"));
        assertEquals(List.of(online("u1")), changes, "no offline and no second online");
    }

    @Test
    void aConnectionOfADeadNodeExpiresAfterTheTtlThenTheGracePeriod() {
        Instant lastAlive = clock.instant();
        a.connected("u1", "dead-1"); // node a is then killed: it never refreshes nor sweeps again
        b.connected("u2", "live-1");
        Duration heartbeat = TTL.dividedBy(3);
        for (int beat = 0; beat < 3; beat++) {
            clock.advance(heartbeat);
            b.refresh(List.of("live-1"));
            b.sweep();
        }
        // TTL has passed now: dead-1 counts as closed from its expiry, and the grace period runs from there
        assertTrue(b.isOnline("u1"), "within the grace period after the expiry");
        clock.advance(GRACE.minus(MS));
        b.sweep();
        assertTrue(b.isOnline("u1"), "within the grace period after the expiry");
        clock.advance(MS);
        b.sweep();
        assertFalse(b.isOnline("u1"));
        assertEquals(Optional.of(lastAlive), b.lastSeenAt("u1"), "last seen when its node last vouched for it");
        assertTrue(b.isOnline("u2"), "the refreshed connection is alive");
        assertEquals(List.of(online("u1"), online("u2"), offline("u1", lastAlive)), changes);
    }

    @Test
    void aLateSweepStillCountsTheGracePeriodFromTheExpiry() {
        Instant lastAlive = clock.instant();
        a.connected("u1", "dead-1");
        clock.advance(TTL.plus(GRACE));
        b.sweep();
        assertFalse(b.isOnline("u1"));
        assertEquals(List.of(online("u1"), offline("u1", lastAlive)), changes);
    }

    @Test
    void refreshingKeepsAConnectionAliveWellPastTheTtl() {
        a.connected("u1", "c1");
        Duration heartbeat = TTL.dividedBy(3);
        Instant lastBeat = clock.instant();
        for (int beat = 0; beat < 15; beat++) {
            clock.advance(heartbeat);
            a.refresh(List.of("c1", "unknown"));
            lastBeat = clock.instant();
            sweepAll();
            assertTrue(b.isOnline("u1"), "offline after beat " + beat);
        }
        assertEquals(List.of(online("u1")), changes);
        // once its node stops refreshing, the connection still expires, last seen at the last heartbeat
        clock.advance(TTL.plus(GRACE));
        sweepAll();
        assertFalse(b.isOnline("u1"));
        assertEquals(List.of(online("u1"), offline("u1", lastBeat)), changes);
    }

    @Test
    void firesEachTransitionOnceHoweverManyNodesSweep() {
        a.connected("u1", "c1");
        a.connected("u1", "c1b");
        a.disconnected("u1", "c1");
        a.disconnected("u1", "c1b");
        a.disconnected("u1", "c1b"); // a repeated close is ignored
        clock.advance(GRACE);
        sweepAll();
        sweepAll();
        Instant firstClose = clock.instant().minus(GRACE);
        b.connected("u1", "c2");
        b.connected("u1", "c3");
        clock.advance(TTL.plus(GRACE)); // neither refreshed: both expire
        Instant secondSeen = clock.instant().minus(TTL.plus(GRACE));
        sweepAll();
        sweepAll();
        b.disconnected("u1", "c2"); // the close of an expired connection is no new transition
        clock.advance(GRACE.multipliedBy(2));
        sweepAll();
        assertEquals(List.of(online("u1"), offline("u1", firstClose), online("u1"), offline("u1", secondSeen)), changes);
        assertEquals(Optional.of(secondSeen), a.lastSeenAt("u1"));
    }

    @Test
    void usersAreIndependent() {
        a.connected("u1", "c1");
        b.connected("u2", "c2");
        Instant closedAt = clock.instant();
        a.disconnected("u1", "c1");
        clock.advance(GRACE);
        sweepAll();
        assertFalse(b.isOnline("u1"));
        assertTrue(a.isOnline("u2"));
        assertEquals(List.of(online("u1"), online("u2"), offline("u1", closedAt)), changes);
    }

    @Test
    void listsTheOpenConnectionsOfAUserOnEveryNodeOldestFirst() {
        assertEquals(List.of(), b.connections("u1"));
        b.connected("u1", "z-first");
        clock.advance(MS);
        a.connected("u1", "b-second");
        a.connected("u1", "a-third-same-millisecond");
        clock.advance(MS);
        b.connected("u2", "other-user");
        a.connected("u1", "fourth");
        assertEquals(List.of("z-first", "a-third-same-millisecond", "b-second", "fourth"), a.connections("u1"));
        assertEquals(a.connections("u1"), b.connections("u1"));
        b.disconnected("u1", "b-second");
        assertEquals(List.of("z-first", "a-third-same-millisecond", "fourth"), a.connections("u1"));
        clock.advance(TTL.minus(MS));
        b.refresh(List.of("z-first"));
        clock.advance(MS.multipliedBy(2));
        sweepAll();
        assertEquals(List.of("z-first"), b.connections("u1"), "expired connections are no longer counted");
    }
}
