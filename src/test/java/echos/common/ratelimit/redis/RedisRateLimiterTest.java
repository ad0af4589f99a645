package echos.common.ratelimit.redis;

import echos.common.ratelimit.InMemoryRateLimiter;
import echos.common.ratelimit.RateLimiter;
import echos.common.ratelimit.RateLimiterContract;
import echos.common.redis.RedisCommands;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;

/** The rate limiter contract on the real redis-server (TEST_REDIS_URL, default redis://127.0.0.1:6379), one client per node. */
class RedisRateLimiterTest extends RateLimiterContract {

    private final Vertx vertx = Vertx.vertx();
    private final List<Redis> clients = new ArrayList<>();
    private final String prefix = "echos-test-" + UUID.randomUUID();

    @Override
    protected List<RateLimiter> cluster(Clock clock, int nodes) {
        String url = System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379");
        List<RateLimiter> limiters = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(url));
            clients.add(client);
            // the fallback is a failing limiter: these tests must be answered by Redis, never by local counting
            limiters.add(new RedisRateLimiter(new RedisCommands(client, Duration.ofSeconds(2)), prefix, clock, new UnreachableFallback(clock)));
        }
        return limiters;
    }

    /** Fails the test if Redis did not answer and the limiter fell back to counting locally. */
    private static final class UnreachableFallback extends InMemoryRateLimiter {
        UnreachableFallback(Clock clock) {
            super(clock);
        }

        @Override
        public java.util.Optional<java.time.Duration> tryHit(echos.common.ratelimit.RateLimit limit, String key) {
            throw new AssertionError("fell back to local counting: Redis did not answer");
        }

        @Override
        public java.util.Optional<java.time.Duration> blockedFor(echos.common.ratelimit.RateLimit limit, String key) {
            throw new AssertionError("fell back to local counting: Redis did not answer");
        }

        @Override
        public void hit(echos.common.ratelimit.RateLimit limit, String key) {
            throw new AssertionError("fell back to local counting: Redis did not answer");
        }
    }

    @AfterEach
    void close() {
        clients.forEach(Redis::close);
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
