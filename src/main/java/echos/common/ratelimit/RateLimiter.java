package echos.common.ratelimit;

import java.time.Duration;
import java.util.Optional;

/** Counts hits per key against a {@link RateLimit}. In-memory now; a Redis implementation shares it across nodes. */
public interface RateLimiter {

    /** @return how long to wait when the budget is used up, empty when another hit is allowed */
    Optional<Duration> blockedFor(RateLimit limit, String key);

    void hit(RateLimit limit, String key);

    /** Counts a hit if the budget allows it, atomically. @return empty when counted, else how long to wait */
    Optional<Duration> tryHit(RateLimit limit, String key);

    void clear(RateLimit limit, String key);
}
