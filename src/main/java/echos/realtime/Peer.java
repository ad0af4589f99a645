package echos.realtime;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One open socket of one user. Sends are asynchronous; the number in flight is bounded, and a reader too slow to
 * keep up is disconnected (it will sync after reconnecting) rather than buffered without limit.
 */
public final class Peer {

    private static final Logger LOG = Logger.getLogger(Peer.class);
    static final short POLICY_VIOLATION = 1008;

    private final WebSocketConnection connection;
    private final String userId;
    private final String sessionId;
    private final int maxQueued;
    private final AtomicInteger queued = new AtomicInteger();
    private volatile long lastHeardAt;

    Peer(WebSocketConnection connection, String userId, String sessionId, int maxQueued, long now) {
        this.connection = connection;
        this.userId = userId;
        this.sessionId = sessionId;
        this.maxQueued = maxQueued;
        this.lastHeardAt = now;
    }

    public String id() {
        return connection.id();
    }

    public String userId() {
        return userId;
    }

    public String sessionId() {
        return sessionId;
    }

    void heard(long now) {
        lastHeardAt = now;
    }

    long lastHeardAt() {
        return lastHeardAt;
    }

    public void send(String text) {
        if (!connection.isOpen()) {
            return;
        }
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            LOG.infof("event=socket_slow_consumer user=%s queued=%d", userId, maxQueued);
            close(POLICY_VIOLATION, "outbound queue full; reconnect and sync");
            return;
        }
        connection.sendText(text).subscribe().with(ok -> queued.decrementAndGet(), failure -> queued.decrementAndGet());
    }

    void close(int code, String reason) {
        if (connection.isOpen()) {
            connection.close(new CloseReason(code, reason)).subscribe().with(ok -> { }, failure -> { });
        }
    }
}
