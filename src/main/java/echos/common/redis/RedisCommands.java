package echos.common.redis;

import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Blocking calls on the node's Redis client, for code that runs on worker threads and must not wait long: each
 * call waits at most the timeout, and after a failure further calls fail at once for a short pause, so a Redis
 * that hangs costs one timeout, not one per request. Failures are {@link RedisUnavailable}; each caller decides
 * its fallback.
 */
public final class RedisCommands {

    private static final long PAUSE_AFTER_FAILURE_MILLIS = 500;

    private final Redis redis;
    private final long timeoutMillis;
    private volatile long failFastUntil;

    public RedisCommands(Redis redis, Duration timeout) {
        this.redis = redis;
        this.timeoutMillis = timeout.toMillis();
    }

    public Response send(Request request) {
        if (System.currentTimeMillis() < failFastUntil) {
            throw new RedisUnavailable("Redis failed less than " + PAUSE_AFTER_FAILURE_MILLIS + " ms ago", null);
        }
        try {
            return redis.send(request).toCompletionStage().toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(e);
        } catch (Exception e) {
            throw failed(e);
        }
    }

    private RedisUnavailable failed(Exception e) {
        failFastUntil = System.currentTimeMillis() + PAUSE_AFTER_FAILURE_MILLIS;
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new RedisUnavailable(String.valueOf(cause.getMessage() != null ? cause.getMessage() : cause), cause);
    }

    /** Redis could not answer (down, unreachable, too slow, or refused the command). */
    public static final class RedisUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RedisUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
