package echos.presence;

import echos.common.redis.SharedRedis;
import echos.presence.redis.RedisPresence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Presence kept in Redis, seen by every node, when REDIS_URL is set; in this JVM otherwise. */
@ApplicationScoped
public class PresenceProducer {

    private static final Logger LOG = Logger.getLogger(PresenceProducer.class);

    @Produces
    @Singleton
    PresenceRegistry presence(Clock clock, PresenceListener listener, SharedRedis redis,
            @ConfigProperty(name = "echos.presence.connection-ttl") Duration ttl,
            @ConfigProperty(name = "echos.presence.grace-period") Duration grace) {
        if (redis.enabled()) {
            LOG.infof("event=presence kind=redis ttl=%s grace=%s", ttl, grace);
            return new RedisPresence(redis.commands(), redis.key("presence"), clock, listener, ttl, grace);
        }
        return new InMemoryPresence(clock, listener, ttl, grace);
    }
}
