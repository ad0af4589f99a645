package echos.common.redis;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
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
            @ConfigProperty(name = "echos.redis.timeout") Duration timeout,
            @ConfigProperty(name = "echos.redis.tls-ca-file") Optional<String> tlsCaFile) {
        this.client = url.filter(u -> !u.isBlank()).map(u -> Redis.createClient(vertx, options(u.trim(), tlsCaFile)));
        this.prefix = prefix;
        this.timeout = timeout;
    }

    static RedisOptions options(String url, Optional<String> tlsCaFile) {
        RedisOptions options = new RedisOptions().setConnectionString(url).setMaxPoolWaiting(1024);
        if (url.regionMatches(true, 0, "rediss:", 0, 7)) {
            // Vert.x checks no host name by default: without this any certificate the trust store accepts would do
            options.getNetClientOptions().setHostnameVerificationAlgorithm("HTTPS");
            tlsCaFile.filter(f -> !f.isBlank()).ifPresent(f -> options.getNetClientOptions().setTrustOptions(new PemTrustOptions().addCertPath(f)));
        }
        return options;
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
