package echos.common.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per key: bursts up to {@code capacity}, then {@code perSecond} sustained. Full buckets are
 * swept now and then, so memory follows the number of keys that are actually busy.
 */
public final class TokenBuckets implements Buckets {

    private static final int SWEEP_EVERY = 4096;

    private final Clock clock;
    private final double capacity;
    private final double perMilli;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private int takesSinceSweep;

    public TokenBuckets(Clock clock, int capacity, double perSecond) {
        if (capacity < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("a token bucket needs capacity >= 1 and a positive rate");
        }
        this.clock = clock;
        this.capacity = capacity;
        this.perMilli = perSecond / 1000.0;
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }

    @Override
    public Duration take(String key) {
        maybeSweep();
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens < 1) {
                return Duration.ofMillis(Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perMilli)));
            }
            bucket.tokens -= 1;
            return Duration.ZERO;
        }
    }

    private void refill(Bucket bucket, long now) {
        bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, now - bucket.updatedAt) * perMilli);
        bucket.updatedAt = now;
    }

    private void maybeSweep() {
        synchronized (this) {
            if (++takesSinceSweep < SWEEP_EVERY) {
                return;
            }
            takesSinceSweep = 0;
        }
        long now = clock.millis();
        buckets.values().removeIf(b -> {
            synchronized (b) {
                refill(b, now);
                return b.tokens >= capacity;
            }
        });
    }
}
