package echos.realtime;

import echos.common.redis.SharedRedis;
import echos.realtime.redis.RedisBroker;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Chooses how broadcasts reach the nodes: Redis pub/sub when REDIS_URL is set, this JVM only otherwise. */
@ApplicationScoped
public class BrokerProducer {

    private static final Logger LOG = Logger.getLogger(BrokerProducer.class);

    @Produces
    @Singleton
    Broker broker(Vertx vertx, SharedRedis redis) {
        if (redis.enabled()) {
            String channel = redis.key("broadcast");
            LOG.infof("event=broker kind=redis channel=%s", channel);
            return new RedisBroker(vertx, redis.client(), channel);
        }
        LOG.infof("event=broker kind=memory");
        return new InMemoryBroker();
    }

    void close(@Disposes Broker broker) {
        if (broker instanceof RedisBroker redis) {
            redis.close();
        }
    }
}
