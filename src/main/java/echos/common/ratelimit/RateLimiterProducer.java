package echos.common.ratelimit;

import echos.common.ratelimit.redis.RedisRateLimiter;
import echos.common.redis.SharedRedis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Rate limits counted in Redis, shared by every node, when REDIS_URL is set; in this JVM otherwise. */
@ApplicationScoped
public class RateLimiterProducer {

    @Produces
    @Singleton
    RateLimiter rateLimiter(Clock clock, SharedRedis redis) {
        InMemoryRateLimiter local = new InMemoryRateLimiter(clock);
        return redis.enabled() ? new RedisRateLimiter(redis.commands(), redis.key("rl"), clock, local) : local;
    }
}
