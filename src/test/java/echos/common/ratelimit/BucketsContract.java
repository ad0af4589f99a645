package echos.common.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echos.common.time.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link Buckets} guarantees, run on each implementation; time only moves when the test moves the clock. */
public abstract class BucketsContract {

    /** Buckets of one cluster, one per node, sharing one store (the in-memory ones may be the same object). */
    protected abstract List<Buckets> cluster(Clock clock, int nodes, int capacity, double perSecond);

    private final ManualClock clock = new ManualClock();

    @Test
    void allowsTheBurstThenRefusesWithTheWaitForTheNextToken() {
        Buckets buckets = cluster(clock, 1, 3, 2.0).get(0);
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, buckets.take("k"), "take " + i);
        }
        assertEquals(Duration.ofMillis(500), buckets.take("k"));
        clock.advance(Duration.ofMillis(499));
        Duration almost = buckets.take("k");
        assertTrue(!almost.isZero() && almost.toMillis() <= 2, "about 1 ms left (rounding up), was " + almost);
        clock.advance(Duration.ofMillis(1));
        assertEquals(Duration.ZERO, buckets.take("k"), "one token refilled after 1/rate");
        assertEquals(Duration.ofMillis(500), buckets.take("k"));
    }

    @Test
    void refillsAtTheRateButNeverAboveTheCapacity() {
        Buckets buckets = cluster(clock, 1, 2, 10.0).get(0);
        buckets.take("k");
        buckets.take("k");
        clock.advance(Duration.ofHours(1));
        assertTrue(buckets.tryTake("k"));
        assertTrue(buckets.tryTake("k"));
        assertEquals(Duration.ofMillis(100), buckets.take("k"), "a long pause refills only up to the capacity");
    }

    @Test
    void nodesShareOneBudgetPerKey() {
        List<Buckets> nodes = cluster(clock, 3, 6, 1.0);
        int taken = 0;
        for (int round = 0; round < 4; round++) {
            for (Buckets node : nodes) {
                if (node.tryTake("account-1")) {
                    taken++;
                }
            }
        }
        assertEquals(6, taken, "12 tries over 3 nodes, one burst of 6");
    }

    @Test
    void keysAreIndependent() {
        List<Buckets> nodes = cluster(clock, 2, 1, 1.0);
        assertTrue(nodes.get(0).tryTake("a"));
        assertTrue(nodes.get(1).tryTake("b"));
        assertEquals(Duration.ofSeconds(1), nodes.get(1).take("a"));
    }
}
