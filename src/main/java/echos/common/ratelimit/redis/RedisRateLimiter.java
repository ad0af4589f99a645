package echos.common.ratelimit.redis;

import echos.common.redis.LocalFallback;
import echos.common.ratelimit.RateLimit;
import echos.common.ratelimit.RateLimiter;
import echos.common.redis.RedisCommands;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The sliding-window log of {@link RateLimiter} in Redis, so every node counts the same hits: one sorted set per
 * limit and key (scores are hit times, at most {@code limit} kept, expiring with the window), each call one Lua
 * script, so check-and-count is atomic across nodes. Hand-written rather than Bucket4j: Bucket4j's Redis backends
 * are token buckets on Lettuce/Jedis/Redisson, while these limits are sliding windows ("10 failed logins in any
 * 15 minutes") and Echos already talks to Redis through the Quarkus (Vert.x) client. While Redis cannot be
 * reached, the node falls back to counting in its own memory (limits then hold per node, never not at all).
 */
public final class RedisRateLimiter implements RateLimiter {

    private static final Logger LOG = Logger.getLogger(RedisRateLimiter.class);
    /** KEYS[1] key; ARGV now, window, limit, member, mode (check | hit | try). Returns -1 when allowed, else the wait in ms. */
    private static final String SCRIPT = """
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local limit = tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            local count = redis.call('ZCARD', KEYS[1])
            local wait = -1
            if count >= limit then
              local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
              wait = math.max(1, tonumber(oldest[2]) + window - now)
            end
            if ARGV[5] == 'hit' or (ARGV[5] == 'try' and wait == -1) then
              redis.call('ZADD', KEYS[1], now, ARGV[4])
              redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(limit + 1))
              redis.call('PEXPIRE', KEYS[1], window)
            end
            return wait
            """;

    private final RedisCommands redis;
    private final String prefix;
    private final Clock clock;
    private final RateLimiter fallback;
    private final LocalFallback sharing = new LocalFallback(LOG, "rate_limits",
            "Redis unreachable: limits count per node until it is back");

    public RedisRateLimiter(RedisCommands redis, String prefix, Clock clock, RateLimiter fallback) {
        this.redis = redis;
        this.prefix = prefix;
        this.clock = clock;
        this.fallback = fallback;
    }

    @Override
    public Optional<Duration> blockedFor(RateLimit limit, String key) {
        return run(limit, key, "check").orElseGet(() -> fallback.blockedFor(limit, key));
    }

    @Override
    public void hit(RateLimit limit, String key) {
        if (run(limit, key, "hit").isEmpty()) {
            fallback.hit(limit, key);
        }
    }

    @Override
    public Optional<Duration> tryHit(RateLimit limit, String key) {
        return run(limit, key, "try").orElseGet(() -> fallback.tryHit(limit, key));
    }

    @Override
    public void clear(RateLimit limit, String key) {
        fallback.clear(limit, key);
        try {
            redis.send(Request.cmd(Command.DEL).arg(redisKey(limit, key)));
        } catch (RuntimeException e) {
            unreachable(e);
        }
    }

    /** @return empty when Redis could not answer; else the limiter's answer (empty optional: allowed) */
    private Optional<Optional<Duration>> run(RateLimit limit, String key, String mode) {
        long now = clock.millis();
        Request eval = Request.cmd(Command.EVAL).arg(SCRIPT).arg(1).arg(redisKey(limit, key)).arg(now)
                .arg(limit.window().toMillis()).arg(limit.limit()).arg(now + ":" + UUID.randomUUID()).arg(mode);
        try {
            long wait = redis.send(eval).toLong();
            sharing.shared();
            return Optional.of(wait < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(wait)));
        } catch (RuntimeException e) {
            unreachable(e);
            return Optional.empty();
        }
    }

    private void unreachable(RuntimeException e) {
        sharing.local(e);
    }

    private String redisKey(RateLimit limit, String key) {
        return prefix + ":" + limit.name() + ":" + key;
    }
}
