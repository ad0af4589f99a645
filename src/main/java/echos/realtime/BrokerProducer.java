package echos.realtime;

import echos.realtime.redis.RedisBroker;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chooses how broadcasts reach the nodes: Redis pub/sub when REDIS_URL is set, this JVM only otherwise. */
@ApplicationScoped
public class BrokerProducer {

    private static final Logger LOG = Logger.getLogger(BrokerProducer.class);

    @Produces
    @Singleton
    Broker broker(Vertx vertx, @ConfigProperty(name = "echos.redis.url") Optional<String> redisUrl,
            @ConfigProperty(name = "echos.redis.prefix") String prefix) {
        if (redisUrl.isPresent() && !redisUrl.get().isBlank()) {
            LOG.infof("event=broker kind=redis channel=%s:broadcast", prefix);
            return new RedisBroker(vertx, redisUrl.get().trim(), prefix + ":broadcast");
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
