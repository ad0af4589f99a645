package echos.common.ratelimit.redis;

import echos.common.ratelimit.Buckets;
import echos.common.ratelimit.BucketsContract;
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

/** The token-bucket contract on the real redis-server (TEST_REDIS_URL, default redis://127.0.0.1:6379), one client per node. */
class RedisTokenBucketsTest extends BucketsContract {

    private final Vertx vertx = Vertx.vertx();
    private final List<Redis> clients = new ArrayList<>();
    private final String prefix = "echos-test-" + UUID.randomUUID();

    @Override
    protected List<Buckets> cluster(Clock clock, int nodes, int capacity, double perSecond) {
        String url = System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379");
        List<Buckets> buckets = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(url));
            clients.add(client);
            // the fallback fails the test: these answers must come from Redis, never from counting locally
            buckets.add(new RedisTokenBuckets(new RedisCommands(client, Duration.ofSeconds(2)), prefix, clock, capacity, perSecond,
                    key -> {
                        throw new AssertionError("fell back to local buckets: Redis did not answer");
                    }));
        }
        return buckets;
    }

    @AfterEach
    void close() throws Exception {
        clients.forEach(Redis::close);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
