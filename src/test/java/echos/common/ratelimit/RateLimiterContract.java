package echos.common.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echos.common.time.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} does, run on each implementation: a sliding window per limit and key, shared by all nodes. */
public abstract class RateLimiterContract {

    /** Limiters of one cluster, one per node, all reading the given clock. (In memory: one node, the same limiter.) */
    protected abstract List<RateLimiter> cluster(Clock clock, int nodes);

    private final ManualClock clock = new ManualClock();
    private RateLimiter limiter;
    private RateLimit threePerMinute;

    @BeforeEach
    void freshLimiter() {
        limiter = cluster(clock, 1).get(0);
        // a name of its own per test, so runs against a shared store never see each other's hits
        threePerMinute = new RateLimit("test-" + java.util.UUID.randomUUID(), 3, Duration.ofMinutes(1));
    }

    @Test
    void hitsOnOneNodeCountOnEveryNode() {
        List<RateLimiter> nodes = cluster(clock, 3);
        assertEquals(Optional.empty(), nodes.get(0).tryHit(threePerMinute, "k"));
        assertEquals(Optional.empty(), nodes.get(1).tryHit(threePerMinute, "k"));
        nodes.get(2).hit(threePerMinute, "k");
        for (RateLimiter node : nodes) {
            assertTrue(node.blockedFor(threePerMinute, "k").isPresent(), "every node sees the three hits");
            assertTrue(node.tryHit(threePerMinute, "k").isPresent());
        }
        nodes.get(1).clear(threePerMinute, "k");
        assertEquals(Optional.empty(), nodes.get(0).tryHit(threePerMinute, "k"));
    }

    @Test
    void allowsUpToTheLimitThenSaysHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limiter.tryHit(threePerMinute, "k"));
            clock.advance(Duration.ofSeconds(10));
        }
        assertEquals(Optional.of(Duration.ofSeconds(30)), limiter.tryHit(threePerMinute, "k"));
    }

    @Test
    void slidesTheWindowAsOldHitsExpire() {
        limiter.hit(threePerMinute, "k");
        clock.advance(Duration.ofSeconds(30));
        limiter.hit(threePerMinute, "k");
        limiter.hit(threePerMinute, "k");
        assertTrue(limiter.blockedFor(threePerMinute, "k").isPresent());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Optional.empty(), limiter.blockedFor(threePerMinute, "k"));
    }

    @Test
    void keepsKeysAndLimitsApart() {
        RateLimit other = new RateLimit("other-" + java.util.UUID.randomUUID(), 1, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            limiter.hit(threePerMinute, "a");
        }
        assertTrue(limiter.blockedFor(threePerMinute, "a").isPresent());
        assertEquals(Optional.empty(), limiter.blockedFor(threePerMinute, "b"));
        assertEquals(Optional.empty(), limiter.blockedFor(other, "a"));
    }

    @Test
    void clearForgetsTheHitsOfAKey() {
        for (int i = 0; i < 3; i++) {
            limiter.hit(threePerMinute, "a");
        }
        limiter.clear(threePerMinute, "a");
        assertEquals(Optional.empty(), limiter.blockedFor(threePerMinute, "a"));
    }
}
