package echos.common.ratelimit;

import java.time.Duration;

/** Token buckets by key: a burst up to the capacity, then a sustained rate. */
public interface Buckets {

    /** Takes a token if there is one; @return zero when taken, else how long until the next token */
    Duration take(String key);

    default boolean tryTake(String key) {
        return take(key).isZero();
    }
}
