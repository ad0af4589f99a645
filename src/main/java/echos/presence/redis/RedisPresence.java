package echos.presence.redis;

import echos.common.redis.LocalFallback;
import echos.common.redis.RedisCommands;
import echos.common.redis.RedisCommands.RedisUnavailable;
import echos.presence.PresenceChanged;
import echos.presence.PresenceListener;
import echos.presence.PresenceRegistry;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * {@link PresenceRegistry} in Redis, shared by every node: each change is one Lua script, so a transition is seen
 * (and told to the listener) by exactly one node, whichever ran the script that caused it. Keys, under the prefix:
 * {@code conns} (hash: connection -> aliveAt|connectedAt|user), {@code expiry} (zset: connection by expiry),
 * {@code u:<user>} (zset: the user's connections by connect time), {@code online} (set), {@code grace} (zset: users
 * whose last connection closed, by when), {@code seen} and {@code lastseen} (hashes: user -> epoch ms).
 *
 * <p>The node also remembers its own open connections. While Redis cannot answer, calls do not fail: a user counts
 * as online if they have a socket on this node, and no transitions are told. The heartbeat's {@link #refresh}
 * re-registers every own connection Redis does not know (Redis restarted empty, or this node was paused past the
 * TTL), so presence heals within one heartbeat once Redis is back. Needs a standalone Redis (or Sentinel): the
 * scripts touch per-user keys they do not declare, which Redis Cluster does not allow.
 */
public final class RedisPresence implements PresenceRegistry {

    private static final Logger LOG = Logger.getLogger(RedisPresence.class);
    private static final int SWEEP_BATCH = 1000;

    private static final String COMMON = """
            local function parse(v)
              return string.match(v, '^(%d+)|(%d+)|(.*)$')
            end
            local function closed(user, c, closedAt, seenAt)
              local ukey = ARGV[1] .. user
              redis.call('ZREM', ukey, c)
              local seen = tonumber(redis.call('HGET', KEYS[5], user) or '-1')
              if tonumber(seenAt) > seen then redis.call('HSET', KEYS[5], user, seenAt) end
              if redis.call('ZCARD', ukey) == 0 then redis.call('ZADD', KEYS[4], closedAt, user) end
            end
            local function connect(user, c, now, ttl)
              local previous = redis.call('HGET', KEYS[1], c)
              if previous then
                local a, since, owner = parse(previous)
                if owner ~= user then closed(owner, c, now, now) end
              end
              redis.call('HSET', KEYS[1], c, now .. '|' .. now .. '|' .. user)
              redis.call('ZADD', KEYS[2], tonumber(now) + tonumber(ttl), c)
              redis.call('ZADD', ARGV[1] .. user, tonumber(now), c)
              redis.call('ZREM', KEYS[4], user)
              return redis.call('SADD', KEYS[3], user)
            end
            """;

    /** ARGV: userPrefix, user, connection, now, ttl. Returns 1 when the user came online. */
    private static final String CONNECT = COMMON + "return connect(ARGV[2], ARGV[3], ARGV[4], ARGV[5])";

    /** ARGV: userPrefix, connection, now. */
    private static final String DISCONNECT = COMMON + """
            local v = redis.call('HGET', KEYS[1], ARGV[2])
            if not v then return 0 end
            local a, since, user = parse(v)
            redis.call('HDEL', KEYS[1], ARGV[2])
            redis.call('ZREM', KEYS[2], ARGV[2])
            closed(user, ARGV[2], ARGV[3], ARGV[3])
            return 1
            """;

    /** ARGV: userPrefix, now, ttl, then connection ids. Returns the ids Redis does not know. */
    private static final String REFRESH = COMMON + """
            local unknown = {}
            for i = 4, #ARGV do
              local v = redis.call('HGET', KEYS[1], ARGV[i])
              if v then
                local a, since, user = parse(v)
                redis.call('HSET', KEYS[1], ARGV[i], ARGV[2] .. '|' .. since .. '|' .. user)
                redis.call('ZADD', KEYS[2], tonumber(ARGV[2]) + tonumber(ARGV[3]), ARGV[i])
              else
                table.insert(unknown, ARGV[i])
              end
            end
            return unknown
            """;

    /** ARGV: userPrefix, now, grace, batch. Returns user, lastSeen pairs of the users who went offline. */
    private static final String SWEEP = COMMON + """
            local now = tonumber(ARGV[2])
            local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[4]))
            for i = 1, #expired, 2 do
              local c = expired[i]
              local v = redis.call('HGET', KEYS[1], c)
              redis.call('ZREM', KEYS[2], c)
              if v then
                local a, since, user = parse(v)
                redis.call('HDEL', KEYS[1], c)
                closed(user, c, expired[i + 1], a)
              end
            end
            local out = {}
            local gone = redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', now - tonumber(ARGV[3]), 'LIMIT', 0, tonumber(ARGV[4]))
            for _, user in ipairs(gone) do
              redis.call('ZREM', KEYS[4], user)
              if redis.call('SREM', KEYS[3], user) == 1 then
                local seen = redis.call('HGET', KEYS[5], user)
                if seen then redis.call('HSET', KEYS[6], user, seen) end
                table.insert(out, user)
                table.insert(out, seen or '')
              end
            end
            return out
            """;

    private final RedisCommands redis;
    private final String prefix;
    private final Clock clock;
    private final PresenceListener listener;
    private final long ttlMillis;
    private final long graceMillis;
    private final List<String> keys;
    /** This node's open connections: connection id -> user id. */
    private final Map<String, String> own = new ConcurrentHashMap<>();
    private final LocalFallback sharing = new LocalFallback(LOG, "presence",
            "Redis unreachable: presence shows this node's sockets only until it is back");

    public RedisPresence(RedisCommands redis, String prefix, Clock clock, PresenceListener listener, Duration ttl, Duration grace) {
        if (ttl.toMillis() < 1 || grace.isNegative()) {
            throw new IllegalArgumentException("PRESENCE_CONNECTION_TTL must be positive and PRESENCE_GRACE_PERIOD not negative");
        }
        this.redis = redis;
        this.prefix = prefix;
        this.clock = clock;
        this.listener = listener;
        this.ttlMillis = ttl.toMillis();
        this.graceMillis = grace.toMillis();
        this.keys = List.of(prefix + ":conns", prefix + ":expiry", prefix + ":online", prefix + ":grace", prefix + ":seen",
                prefix + ":lastseen");
    }

    @Override
    public void connected(String userId, String connectionId) {
        own.put(connectionId, userId);
        register(userId, connectionId);
    }

    private void register(String userId, String connectionId) {
        Optional<Response> cameOnline = script(CONNECT, userId, connectionId, String.valueOf(clock.millis()), String.valueOf(ttlMillis));
        if (cameOnline.isPresent() && cameOnline.get().toLong() == 1) {
            listener.changed(new PresenceChanged(userId, true, null));
        }
    }

    @Override
    public void disconnected(String userId, String connectionId) {
        own.remove(connectionId);
        script(DISCONNECT, connectionId, String.valueOf(clock.millis()));
    }

    @Override
    public void refresh(Collection<String> connectionIds) {
        if (connectionIds.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(connectionIds.size() + 2);
        args.add(String.valueOf(clock.millis()));
        args.add(String.valueOf(ttlMillis));
        args.addAll(connectionIds);
        Optional<Response> unknown = script(REFRESH, args.toArray(String[]::new));
        if (unknown.isEmpty()) {
            return;
        }
        for (Response id : unknown.get()) {
            String userId = own.get(id.toString());
            if (userId != null) {
                LOG.debugf("event=presence_reregistered connection=%s", id);
                register(userId, id.toString());
            }
        }
    }

    @Override
    public void sweep() {
        Optional<Response> offline = script(SWEEP, String.valueOf(clock.millis()), String.valueOf(graceMillis), String.valueOf(SWEEP_BATCH));
        if (offline.isEmpty()) {
            return;
        }
        Response pairs = offline.get();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            String seen = pairs.get(i + 1).toString();
            listener.changed(new PresenceChanged(pairs.get(i).toString(), false, seen.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(seen))));
        }
    }

    @Override
    public boolean isOnline(String userId) {
        try {
            return redis.send(Request.cmd(Command.SISMEMBER).arg(keys.get(2)).arg(userId)).toLong() == 1;
        } catch (RedisUnavailable e) {
            unreachable(e);
            return own.containsValue(userId);
        }
    }

    @Override
    public List<String> connections(String userId) {
        try {
            Response ids = redis.send(Request.cmd(Command.ZRANGE).arg(userKey(userId)).arg(0).arg(-1));
            List<String> out = new ArrayList<>(ids.size());
            ids.forEach(id -> out.add(id.toString()));
            return out;
        } catch (RedisUnavailable e) {
            unreachable(e);
            return List.of();
        }
    }

    @Override
    public Optional<Instant> lastSeenAt(String userId) {
        try {
            Response seen = redis.send(Request.cmd(Command.HGET).arg(keys.get(5)).arg(userId));
            return seen == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(seen.toLong()));
        } catch (RedisUnavailable e) {
            unreachable(e);
            return Optional.empty();
        }
    }

    private String userKey(String userId) {
        return prefix + ":u:" + userId;
    }

    private Optional<Response> script(String script, String... args) {
        Request eval = Request.cmd(Command.EVAL).arg(script).arg(keys.size());
        keys.forEach(eval::arg);
        eval.arg(prefix + ":u:");
        for (String arg : args) {
            eval.arg(arg);
        }
        try {
            Response response = redis.send(eval);
            sharing.shared();
            return Optional.of(response);
        } catch (RedisUnavailable e) {
            unreachable(e);
            return Optional.empty();
        }
    }

    private void unreachable(RedisUnavailable e) {
        sharing.local(e);
    }
}
