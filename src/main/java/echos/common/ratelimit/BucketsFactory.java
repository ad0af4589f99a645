package echos.common.ratelimit;

import echos.common.ratelimit.redis.RedisTokenBuckets;
import echos.common.redis.SharedRedis;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Makes token buckets shared by every node (in Redis) when REDIS_URL is set, and in this JVM otherwise. */
@ApplicationScoped
public class BucketsFactory {

    private final Clock clock;
    private final SharedRedis redis;

    public BucketsFactory(Clock clock, SharedRedis redis) {
        this.clock = clock;
        this.redis = redis;
    }

    /** @param name distinguishes these buckets' keys in Redis from other budgets' */
    public Buckets create(String name, int capacity, double perSecond) {
        TokenBuckets local = new TokenBuckets(clock, capacity, perSecond);
        return redis.enabled() ? new RedisTokenBuckets(redis.commands(), redis.key("tb", name), clock, capacity, perSecond, local) : local;
    }
}
