package echos.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echos.auth.SessionsEnded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Broker} guarantees, run on each implementation: a broadcast reaches every node once, intact,
 * in the order one node published, and one failing receiver does not stop the others.
 */
public abstract class BrokerContract {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** After the broadcasts that were expected arrived, how long a duplicate would have had to show up. */
    private static final Duration QUIET = Duration.ofMillis(500);

    /**
     * Brokers of one cluster, one per node. Each is subscribed to once by the test, as each node does at start.
     * (The in-memory broker is a single node; it may return the same broker for every node.)
     */
    protected abstract List<Broker> cluster(int nodes);

    private static List<List<Broadcast>> subscribeAll(List<Broker> nodes) {
        List<List<Broadcast>> received = new ArrayList<>();
        for (Broker node : nodes) {
            List<Broadcast> mine = new CopyOnWriteArrayList<>();
            node.subscribe(mine::add);
            received.add(mine);
        }
        return received;
    }

    @Test
    void everyNodeReceivesEachBroadcastOnceIncludingThePublisher() throws InterruptedException {
        List<Broker> nodes = cluster(3);
        List<List<Broadcast>> received = subscribeAll(nodes);
        Broadcast sent = new Broadcast.ToUsers(List.of("u1", "u2"), "{\"type\":\"message.new\"}", "conn-1");
        nodes.get(1).publish(sent);
        await(() -> received.stream().allMatch(r -> !r.isEmpty()));
        Thread.sleep(QUIET.toMillis());
        for (List<Broadcast> r : received) {
            assertEquals(List.of(sent), r);
        }
    }

    @Test
    void broadcastsFromOneNodeArriveInTheOrderTheyWerePublished() {
        List<Broker> nodes = cluster(2);
        List<List<Broadcast>> received = subscribeAll(nodes);
        List<Broadcast> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Broadcast b = new Broadcast.ToUsers(List.of("u" + (i % 7)), "{\"seq\":" + i + "}", null);
            sent.add(b);
            nodes.get(0).publish(b);
        }
        await(() -> received.stream().allMatch(r -> r.size() >= sent.size()));
        for (List<Broadcast> r : received) {
            assertEquals(sent, r);
        }
    }

    @Test
    void everyKindOfBroadcastArrivesIntact() {
        List<Broker> nodes = cluster(2);
        List<List<Broadcast>> received = subscribeAll(nodes);
        List<Broadcast> sent = List.of(
                new Broadcast.ToUsers(List.of("a", "b", "c"), "{\"text\":\"héllo 👋 \\\"quoted\\\"\\n\"}", null),
                new Broadcast.ToUsers(List.of(), "{}", "conn-9"),
                new Broadcast.EndSessions(SessionsEnded.one("session-1")),
                new Broadcast.EndSessions(SessionsEnded.allOf("user-1", null)),
                new Broadcast.EndSessions(SessionsEnded.allOf("user-2", "kept-session")),
                new Broadcast.MembershipChanged("conversation-1"));
        sent.forEach(nodes.get(0)::publish);
        await(() -> received.get(1).size() >= sent.size());
        assertEquals(sent, received.get(1));
    }

    @Test
    void aReceiverThatFailsDoesNotStopTheOthersNorItsOwnNextBroadcast() {
        List<Broker> nodes = cluster(2);
        List<Broadcast> failing = new CopyOnWriteArrayList<>();
        nodes.get(0).subscribe(b -> {
            failing.add(b);
            if (failing.size() == 1) {
                throw new IllegalStateException("receiver failed on purpose");
            }
        });
        List<Broadcast> healthy = new CopyOnWriteArrayList<>();
        nodes.get(1).subscribe(healthy::add);
        Broadcast first = new Broadcast.ToUsers(List.of("u"), "{\"n\":1}", null);
        Broadcast second = new Broadcast.ToUsers(List.of("u"), "{\"n\":2}", null);
        nodes.get(0).publish(first);
        nodes.get(0).publish(second);
        await(() -> healthy.size() >= 2 && failing.size() >= 2);
        assertEquals(List.of(first, second), healthy);
        assertEquals(List.of(first, second), failing);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for broadcasts");
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
