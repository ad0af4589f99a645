package echos.realtime.redis;

import echos.auth.SessionsEnded;
import echos.realtime.Broadcast;
import echos.realtime.Broker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * {@link Broker} over Redis pub/sub, one channel per deployment. A broadcast goes to this node's own receivers at
 * once, in the publishing thread, and through Redis to the other nodes: each node publishes on one connection of
 * its own (Redis keeps the order of one connection's commands), listens on another, and skips what it published
 * itself. So local delivery never waits for, or depends on, Redis; while Redis is away the other nodes miss the
 * broadcasts and their clients catch up through sync. Both connections are re-opened, with the subscription, when
 * Redis is back.
 */
public final class RedisBroker implements Broker, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedisBroker.class);
    private static final long RECONNECT_MILLIS = 1000;

    private final Vertx vertx;
    private final Redis redis;
    private final String channel;
    private final String nodeId = UUID.randomUUID().toString();
    private final List<Consumer<Broadcast>> receivers = new CopyOnWriteArrayList<>();
    private volatile RedisConnection publisher;
    private volatile RedisConnection subscriber;
    private final boolean ownsClient;
    private volatile boolean publisherWasLost;
    private volatile boolean subscriberWasLost;
    private volatile boolean closed;

    /** Uses the node's shared client (its pool lends the two connections); closing the broker leaves the client open. */
    public RedisBroker(Vertx vertx, Redis redis, String channel) {
        this(vertx, redis, channel, false);
    }

    /** With a client of its own, closed with the broker. */
    public RedisBroker(Vertx vertx, String redisUrl, String channel) {
        this(vertx, Redis.createClient(vertx, new RedisOptions().setConnectionString(redisUrl)), channel, true);
    }

    private RedisBroker(Vertx vertx, Redis redis, String channel, boolean ownsClient) {
        this.vertx = vertx;
        this.redis = redis;
        this.channel = channel;
        this.ownsClient = ownsClient;
        connectPublisher();
        connectSubscriber();
    }

    /** Whether both connections to Redis are up (for the readiness check). */
    public boolean connected() {
        return publisher != null && subscriber != null;
    }

    @Override
    public void publish(Broadcast broadcast) {
        deliverHere(broadcast);
        RedisConnection connection = publisher;
        if (connection == null) {
            return;
        }
        String payload = encode(broadcast).put("node", nodeId).encode();
        connection.send(Request.cmd(Command.PUBLISH).arg(channel).arg(payload))
                .onFailure(e -> LOG.warnf("event=redis_publish_failed reason=\"%s\"", e.getMessage()));
    }

    @Override
    public void subscribe(Consumer<Broadcast> receiver) {
        receivers.add(receiver);
    }

    private void connectPublisher() {
        redis.connect().onSuccess(c -> {
            c.exceptionHandler(e -> lost(c, true));
            c.endHandler(v -> lost(c, true));
            publisher = c;
            LOG.infof("event=redis_connected role=publisher");
            if (publisherWasLost) {
                publisherWasLost = false;
                // what this node published while away never reached the others: their sockets re-sync
                publish(new Broadcast.MayHaveMissed());
            }
        }).onFailure(e -> retry(this::connectPublisher, e));
    }

    private void connectSubscriber() {
        redis.connect().compose(c -> {
            c.handler(this::received);
            c.exceptionHandler(e -> lost(c, false));
            c.endHandler(v -> lost(c, false));
            return c.send(Request.cmd(Command.SUBSCRIBE).arg(channel)).map(ok -> c);
        }).onSuccess(c -> {
            subscriber = c;
            LOG.infof("event=redis_connected role=subscriber channel=%s", channel);
            if (subscriberWasLost) {
                subscriberWasLost = false;
                // what the others published while this node was not listening is lost: its sockets re-sync
                deliverHere(new Broadcast.MayHaveMissed());
            }
        }).onFailure(e -> retry(this::connectSubscriber, e));
    }

    private void lost(RedisConnection connection, boolean isPublisher) {
        if (isPublisher ? publisher != connection : subscriber != connection) {
            return;
        }
        if (isPublisher) {
            publisherWasLost = true;
            publisher = null;
            retry(this::connectPublisher, null);
        } else {
            subscriberWasLost = true;
            subscriber = null;
            retry(this::connectSubscriber, null);
        }
        LOG.warnf("event=redis_lost role=%s", isPublisher ? "publisher" : "subscriber");
    }

    private void retry(Runnable connect, Throwable cause) {
        if (closed) {
            return;
        }
        if (cause != null) {
            LOG.debugf("event=redis_connect_failed reason=\"%s\"", cause.getMessage());
        }
        vertx.setTimer(RECONNECT_MILLIS, id -> connect.run());
    }

    private void received(Response push) {
        // RESP2: [message, channel, payload]; RESP3 delivers the same as a push
        if ((push.type() != ResponseType.MULTI && push.type() != ResponseType.PUSH) || push.size() < 3
                || !"message".equals(push.get(0).toString())) {
            return;
        }
        Broadcast broadcast;
        try {
            JsonObject json = new JsonObject(push.get(2).toString());
            if (nodeId.equals(json.getString("node"))) {
                return; // delivered here when it was published
            }
            broadcast = decode(json);
        } catch (RuntimeException e) {
            LOG.warnf("event=redis_broadcast_unreadable reason=\"%s\"", e.getMessage());
            return;
        }
        deliverHere(broadcast);
    }

    private void deliverHere(Broadcast broadcast) {
        for (Consumer<Broadcast> receiver : receivers) {
            try {
                receiver.accept(broadcast);
            } catch (RuntimeException e) {
                LOG.errorf(e, "event=broadcast_failed kind=%s", broadcast.getClass().getSimpleName());
            }
        }
    }

    static JsonObject encode(Broadcast broadcast) {
        if (broadcast instanceof Broadcast.ToUsers to) {
            return new JsonObject().put("kind", "to").put("users", new JsonArray(to.userIds())).put("text", to.text())
                    .put("except", to.exceptConnectionId());
        }
        if (broadcast instanceof Broadcast.MayHaveMissed) {
            return new JsonObject().put("kind", "missed");
        }
        if (broadcast instanceof Broadcast.CloseOverCap over) {
            return new JsonObject().put("kind", "cap").put("connections", new JsonArray(over.connectionIds()));
        }
        if (broadcast instanceof Broadcast.MembershipChanged changed) {
            return new JsonObject().put("kind", "members").put("conversation", changed.conversationId());
        }
        SessionsEnded ended = ((Broadcast.EndSessions) broadcast).ended();
        return new JsonObject().put("kind", "end").put("user", ended.userId()).put("session", ended.sessionId())
                .put("kept", ended.keptSessionId());
    }

    static Broadcast decode(JsonObject json) {
        return switch (json.getString("kind")) {
            case "to" -> new Broadcast.ToUsers(json.getJsonArray("users").stream().map(String::valueOf).toList(),
                    json.getString("text"), json.getString("except"));
            case "end" -> new Broadcast.EndSessions(new SessionsEnded(json.getString("user"), json.getString("session"),
                    json.getString("kept")));
            case "missed" -> new Broadcast.MayHaveMissed();
            case "cap" -> new Broadcast.CloseOverCap(json.getJsonArray("connections").stream().map(String::valueOf).toList());
            case "members" -> new Broadcast.MembershipChanged(json.getString("conversation"));
            default -> throw new IllegalArgumentException("unknown broadcast kind " + json.getString("kind"));
        };
    }

    @Override
    public void close() {
        closed = true;
        for (RedisConnection c : new RedisConnection[] {publisher, subscriber}) {
            if (c != null) {
                c.close();
            }
        }
        if (ownsClient) {
            redis.close();
        }
    }

    Future<Void> awaitConnected() {
        return Future.future(p -> poll(p, 0));
    }

    private void poll(io.vertx.core.Promise<Void> promise, int attempt) {
        if (connected()) {
            promise.complete();
        } else if (attempt > 200) {
            promise.fail("Redis not connected after 10 s");
        } else {
            vertx.setTimer(50, id -> poll(promise, attempt + 1));
        }
    }
}
