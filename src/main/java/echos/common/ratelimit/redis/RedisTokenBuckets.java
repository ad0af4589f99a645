package echos.common.ratelimit.redis;

import echos.common.redis.LocalFallback;
import echos.common.ratelimit.Buckets;
import echos.common.redis.RedisCommands;
import echos.common.redis.RedisCommands.RedisUnavailable;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Token buckets in Redis, so an account has one budget however many nodes it talks to: one hash per key
 * (tokens, updated-at), refilled and taken from in one Lua script, expiring once it would be full again. Written
 * by hand for the same reason as {@link RedisRateLimiter} (Bucket4j's Redis backends need Lettuce, Jedis or
 * Redisson; Echos has the Vert.x client). While Redis cannot answer, the node's own buckets decide (a budget
 * then holds per node, never not at all).
 */
public final class RedisTokenBuckets implements Buckets {

    private static final Logger LOG = Logger.getLogger(RedisTokenBuckets.class);

    /** KEYS[1] bucket; ARGV capacity, tokens per ms, now. Returns 0 when a token was taken, else the wait in ms. */
    private static final String SCRIPT = """
            local capacity = tonumber(ARGV[1])
            local perMs = tonumber(ARGV[2])
            local now = tonumber(ARGV[3])
            local state = redis.call('HMGET', KEYS[1], 't', 'at')
            local tokens = tonumber(state[1]) or capacity
            local at = tonumber(state[2]) or now
            tokens = math.min(capacity, tokens + math.max(0, now - at) * perMs)
            local wait = 0
            if tokens < 1 then
              wait = math.max(1, math.ceil((1 - tokens) / perMs))
            else
              tokens = tokens - 1
            end
            redis.call('HSET', KEYS[1], 't', tostring(tokens), 'at', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / perMs) + 1000)
            return wait
            """;

    private final RedisCommands redis;
    private final String prefix;
    private final Clock clock;
    private final String capacity;
    private final String perMilli;
    private final Buckets fallback;
    private final LocalFallback sharing;

    public RedisTokenBuckets(RedisCommands redis, String prefix, Clock clock, int capacity, double perSecond, Buckets fallback) {
        if (capacity < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("a token bucket needs capacity >= 1 and a positive rate");
        }
        this.redis = redis;
        this.prefix = prefix;
        this.clock = clock;
        this.capacity = String.valueOf(capacity);
        this.perMilli = String.valueOf(perSecond / 1000.0);
        this.fallback = fallback;
        this.sharing = new LocalFallback(LOG, "budget name=" + prefix, "Redis unreachable: this budget counts per node until it is back");
    }

    @Override
    public Duration take(String key) {
        Request eval = Request.cmd(Command.EVAL).arg(SCRIPT).arg(1).arg(prefix + ":" + key).arg(capacity).arg(perMilli)
                .arg(clock.millis());
        try {
            long wait = redis.send(eval).toLong();
            sharing.shared();
            return Duration.ofMillis(wait);
        } catch (RedisUnavailable e) {
            sharing.local(e);
            return fallback.take(key);
        }
    }
}
