package echos.search;

import echos.common.error.ApiException;
import echos.common.ratelimit.Buckets;
import echos.common.ratelimit.BucketsFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The per-account budget for searches: each one is a full-text query over all of the user's history, heavier than
 * any other read, so it has its own budget (there is no general read budget). Shared by every node through Redis
 * when REDIS_URL is set.
 */
@ApplicationScoped
public class SearchBudget {

    private final Buckets buckets;

    public SearchBudget(BucketsFactory buckets, @ConfigProperty(name = "search.burst", defaultValue = "10") int burst,
            @ConfigProperty(name = "search.per-second", defaultValue = "2") double perSecond) {
        if (burst < 1 || !(perSecond > 0)) {
            throw new IllegalArgumentException("SEARCH_BURST must be at least 1 and SEARCH_PER_SECOND above 0");
        }
        this.buckets = buckets.create("search", burst, perSecond);
    }

    /** Takes one search from the account's budget, or refuses with 429 rate_limited and the wait in Retry-After. */
    public void take(String userId) {
        Duration wait = buckets.take(userId);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ApiException(429, "rate_limited", "You are searching too fast. Try again in " + seconds + " s.", Map.of(), seconds);
        }
    }
}
