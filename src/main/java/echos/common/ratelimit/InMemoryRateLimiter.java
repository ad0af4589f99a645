package echos.common.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sliding-window log per key, kept in this JVM. Each key holds at most {@code limit} timestamps, and keys whose
 * newest hit is older than their window are swept, so memory stays bounded by the number of active keys.
 */
public class InMemoryRateLimiter implements RateLimiter {

    private static final int SWEEP_EVERY = 1024;

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private int hitsSinceSweep;

    public InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<Duration> blockedFor(RateLimit limit, String key) {
        Window window = windows.get(limit.name() + '\u0000' + key);
        if (window == null) {
            return Optional.empty();
        }
        synchronized (window) {
            return window.blockedFor(limit, clock.millis());
        }
    }

    @Override
    public void hit(RateLimit limit, String key) {
        Window window = windowFor(limit, key);
        synchronized (window) {
            window.add(limit, clock.millis());
        }
    }

    @Override
    public Optional<Duration> tryHit(RateLimit limit, String key) {
        Window window = windowFor(limit, key);
        synchronized (window) {
            long now = clock.millis();
            Optional<Duration> blocked = window.blockedFor(limit, now);
            if (blocked.isEmpty()) {
                window.add(limit, now);
            }
            return blocked;
        }
    }

    @Override
    public void clear(RateLimit limit, String key) {
        windows.remove(limit.name() + '\u0000' + key);
    }

    private Window windowFor(RateLimit limit, String key) {
        maybeSweep();
        return windows.computeIfAbsent(limit.name() + '\u0000' + key, k -> new Window(limit.window().toMillis()));
    }

    private void maybeSweep() {
        synchronized (this) {
            if (++hitsSinceSweep < SWEEP_EVERY) {
                return;
            }
            hitsSinceSweep = 0;
        }
        long now = clock.millis();
        windows.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isIdle(now);
            }
        });
    }

    private static final class Window {
        private final ArrayDeque<Long> hits = new ArrayDeque<>();
        private final long windowMillis;

        Window(long windowMillis) {
            this.windowMillis = windowMillis;
        }

        Optional<Duration> blockedFor(RateLimit limit, long now) {
            evict(now);
            if (hits.size() < limit.limit()) {
                return Optional.empty();
            }
            long oldest = hits.peekFirst();
            return Optional.of(Duration.ofMillis(Math.max(1, oldest + windowMillis - now)));
        }

        void add(RateLimit limit, long now) {
            evict(now);
            hits.addLast(now);
            while (hits.size() > limit.limit()) {
                hits.removeFirst();
            }
        }

        boolean isIdle(long now) {
            evict(now);
            return hits.isEmpty();
        }

        private void evict(long now) {
            while (!hits.isEmpty() && hits.peekFirst() + windowMillis <= now) {
                hits.removeFirst();
            }
        }
    }
}
