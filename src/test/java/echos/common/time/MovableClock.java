package echos.common.time;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application's clock in @QuarkusTest runs: real time plus an offset that a test may move forward (and must
 * reset), so expiry can be tested without sleeping.
 */
@ApplicationScoped
public class MovableClock {

    private static final AtomicLong OFFSET_MILLIS = new AtomicLong();

    private static final Clock CLOCK = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plusMillis(OFFSET_MILLIS.get());
        }
    };

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
        return CLOCK;
    }

    public static void advance(Duration duration) {
        OFFSET_MILLIS.addAndGet(duration.toMillis());
    }

    public static void reset() {
        OFFSET_MILLIS.set(0);
    }
}
