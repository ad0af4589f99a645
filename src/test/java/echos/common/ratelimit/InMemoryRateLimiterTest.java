package echos.common.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);
    private final RateLimit threePerMinute = new RateLimit("test", 3, Duration.ofMinutes(1));

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
        RateLimit other = new RateLimit("other", 1, Duration.ofMinutes(1));
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
