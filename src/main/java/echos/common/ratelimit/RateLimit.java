package echos.common.ratelimit;

import java.time.Duration;

/** A named budget: at most {@code limit} hits per key within any sliding {@code window}. */
public record RateLimit(String name, int limit, Duration window) {

    public RateLimit {
        if (limit < 1) {
            throw new IllegalArgumentException("rate limit " + name + " must allow at least one hit");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rate limit " + name + " needs a positive window");
        }
    }
}
