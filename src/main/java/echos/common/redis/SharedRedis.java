package echos.common.redis;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's one Redis client (a small connection pool) when REDIS_URL is set, shared by every Redis adapter;
 * empty when Echos runs as one node. Key names start with REDIS_PREFIX, so several deployments can share a server.
 */
@ApplicationScoped
public class SharedRedis {

    private final Optional<Redis> client;
    private final String prefix;
    private final Duration timeout;

    public SharedRedis(Vertx vertx, @ConfigProperty(name = "echos.redis.url") Optional<String> url,
            @ConfigProperty(name = "echos.redis.prefix") String prefix,
            @ConfigProperty(name = "echos.redis.timeout") Duration timeout) {
        this.client = url.filter(u -> !u.isBlank())
                .map(u -> Redis.createClient(vertx, new RedisOptions().setConnectionString(u.trim()).setMaxPoolWaiting(1024)));
        this.prefix = prefix;
        this.timeout = timeout;
    }

    public boolean enabled() {
        return client.isPresent();
    }

    /** The client; only when {@link #enabled()}. */
    public Redis client() {
        return client.orElseThrow(() -> new IllegalStateException("REDIS_URL is not set"));
    }

    public RedisCommands commands() {
        return new RedisCommands(client(), timeout);
    }

    /** A key or channel name of this deployment: the prefix, then the parts, joined by ':'. */
    public String key(String... parts) {
        return prefix + ":" + String.join(":", parts);
    }

    void close(@Observes ShutdownEvent event) {
        client.ifPresent(Redis::close);
    }
}
