package echos.realtime.redis;

import echos.realtime.Broker;
import echos.realtime.BrokerContract;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;

/**
 * The broker contract on the real redis-server (TEST_REDIS_URL, default redis://127.0.0.1:6379): each node is its
 * own RedisBroker with its own connections, on a channel of its own per test.
 */
class RedisBrokerTest extends BrokerContract {

    static String redisUrl() {
        String url = System.getenv("TEST_REDIS_URL");
        return url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url;
    }

    private final Vertx vertx = Vertx.vertx();
    private final List<RedisBroker> opened = new ArrayList<>();

    @Override
    protected List<Broker> cluster(int nodes) {
        String channel = "echos-test:" + UUID.randomUUID() + ":broadcast";
        List<Broker> brokers = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            RedisBroker broker = new RedisBroker(vertx, redisUrl(), channel);
            opened.add(broker);
            brokers.add(broker);
        }
        for (RedisBroker broker : opened) {
            broker.awaitConnected().toCompletionStage().toCompletableFuture().orTimeout(15, TimeUnit.SECONDS).join();
        }
        return brokers;
    }

    @AfterEach
    void closeNodes() {
        opened.forEach(RedisBroker::close);
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
