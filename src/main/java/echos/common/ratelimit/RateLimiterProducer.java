package echos.common.ratelimit;

import echos.common.ratelimit.redis.RedisRateLimiter;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Rate limits counted in Redis, shared by every node, when REDIS_URL is set; in this JVM otherwise. */
@ApplicationScoped
public class RateLimiterProducer {

    @Produces
    @Singleton
    RateLimiter rateLimiter(Vertx vertx, Clock clock, @ConfigProperty(name = "echos.redis.url") Optional<String> redisUrl,
            @ConfigProperty(name = "echos.redis.prefix") String prefix) {
        InMemoryRateLimiter local = new InMemoryRateLimiter(clock);
        if (redisUrl.isEmpty() || redisUrl.get().isBlank()) {
            return local;
        }
        Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(redisUrl.get().trim()));
        return new RedisRateLimiter(redis, prefix, clock, local);
    }
}
