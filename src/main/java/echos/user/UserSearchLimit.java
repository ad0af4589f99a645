package echos.user;

import echos.common.error.ApiException;
import echos.common.ratelimit.RateLimit;
import echos.common.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The per-account budget of user searches, so the directory cannot be scraped or probed at speed. */
@ApplicationScoped
public class UserSearchLimit {

    private final RateLimiter limiter;
    private final RateLimit perAccount;

    public UserSearchLimit(RateLimiter limiter,
            @ConfigProperty(name = "echos.rate-limit.user-searches-per-minute") int perMinute) {
        this.limiter = limiter;
        this.perAccount = new RateLimit("user-searches", perMinute, Duration.ofMinutes(1));
    }

    /** Counts one search by the account. @throws ApiException 429 with Retry-After when its budget is used up */
    public void take(String userId) {
        limiter.tryHit(perAccount, userId).ifPresent(wait -> {
            throw ApiException.rateLimited(wait);
        });
    }
}
