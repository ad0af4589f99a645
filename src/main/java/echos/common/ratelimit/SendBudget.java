package echos.common.ratelimit;

import echos.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one per-account budget for everything that makes the server store and fan out something new: sending, editing
 * and deleting messages, uploading images and starting conversations, whether over HTTP or the socket. Shared by every
 * node through Redis when REDIS_URL is set.
 */
@ApplicationScoped
public class SendBudget {

    private final Buckets buckets;

    public SendBudget(BucketsFactory buckets, @ConfigProperty(name = "echos.send.burst") int burst,
            @ConfigProperty(name = "echos.send.per-second") double perSecond) {
        this.buckets = buckets.create("send", burst, perSecond);
    }

    /** Takes one action from the account's budget, or refuses with 429 rate_limited and the wait in Retry-After. */
    public void take(String userId) {
        Duration wait = buckets.take(userId);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ApiException(429, "rate_limited", "You are sending too fast. Try again in " + seconds + " s.", Map.of(), seconds);
        }
    }
}
