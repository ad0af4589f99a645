package echos.presence.redis;

import echos.common.redis.RedisCommands;
import echos.presence.PresenceListener;
import echos.presence.PresenceRegistry;
import echos.presence.PresenceRegistryContract;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;

/** The presence contract on the real redis-server (TEST_REDIS_URL, default redis://127.0.0.1:6379), one client per node. */
class RedisPresenceTest extends PresenceRegistryContract {

    private final Vertx vertx = Vertx.vertx();
    private final List<Redis> clients = new ArrayList<>();
    private final String prefix = "echos-test-" + UUID.randomUUID() + ":presence";

    static String redisUrl() {
        return System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379");
    }

    @Override
    protected List<PresenceRegistry> cluster(int nodes, Clock clock, PresenceListener listener, Duration ttl, Duration grace) {
        List<PresenceRegistry> registries = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(redisUrl()));
            clients.add(client);
            registries.add(new RedisPresence(new RedisCommands(client, Duration.ofSeconds(2)), prefix, clock, listener, ttl, grace));
        }
        return registries;
    }

    @AfterEach
    void removeKeysAndClose() throws Exception {
        RedisCommands redis = new RedisCommands(clients.get(0), Duration.ofSeconds(2));
        Response keys = redis.send(Request.cmd(Command.KEYS).arg(prefix + ":*"));
        for (Response key : keys) {
            redis.send(Request.cmd(Command.DEL).arg(key.toString()));
        }
        clients.forEach(Redis::close);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
