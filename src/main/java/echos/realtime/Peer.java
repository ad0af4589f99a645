package echos.realtime;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * One open socket of one user. Sends are asynchronous; what is in flight is bounded in frames and in bytes, and a
 * reader too slow to keep up is disconnected (it will sync after reconnecting) rather than buffered without limit.
 */
public final class Peer {

    private static final Logger LOG = Logger.getLogger(Peer.class);

    private final Transport transport;
    private final String userId;
    private final String sessionId;
    private final long sessionExpiresAt;
    private final OutboundLimit limit;
    private final long openedOrder;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    private volatile long lastHeardAt;
    private volatile boolean closing;
    private final AtomicBoolean closeStarted = new AtomicBoolean();

    /**
     * @param sessionExpiresAt epoch millis at which the socket's session expires
     * @param openedOrder grows with every socket opened on this node, so the oldest of a user's sockets is known
     */
    Peer(Transport transport, String userId, String sessionId, long sessionExpiresAt, OutboundLimit limit, long now, long openedOrder) {
        this.transport = transport;
        this.userId = userId;
        this.sessionId = sessionId;
        this.sessionExpiresAt = sessionExpiresAt;
        this.limit = limit;
        this.lastHeardAt = now;
        this.openedOrder = openedOrder;
    }

    public String id() {
        return transport.id();
    }

    public String userId() {
        return userId;
    }

    public String sessionId() {
        return sessionId;
    }

    OutboundLimit limit() {
        return limit;
    }

    long openedOrder() {
        return openedOrder;
    }

    boolean sessionExpiredAt(long now) {
        return now >= sessionExpiresAt;
    }

    void heard(long now) {
        lastHeardAt = now;
    }

    long lastHeardAt() {
        return lastHeardAt;
    }

    /** Open and not being closed by the server. */
    boolean isLive() {
        return !closing && transport.isOpen();
    }

    /** UTF-8 bytes of text that wait to be written. */
    long queuedBytes() {
        return queuedBytes.get();
    }

    /** Sends one outbound frame (the JSON text of an {@link OutboundFrame}) through this socket's transport. */
    public void send(String text) {
        send(new EncodedFrame(text));
    }

    /** As {@link #send(String)}, with the frame already encoded: what a fan-out hands each of its sockets. */
    public void send(EncodedFrame frame) {
        if (!isLive()) {
            return;
        }
        long bytes = frame.byteLength();
        int frames = queued.incrementAndGet();
        long total = queuedBytes.addAndGet(bytes);
        // A single frame larger than the byte bound still goes out when nothing else waits (frame size is bounded elsewhere).
        if (frames > limit.frames() || (total > limit.bytes() && frames > 1)) {
            release(bytes);
            LOG.infof("event=socket_slow_consumer user=%s queued_frames=%d queued_bytes=%d", userId, frames - 1, total - bytes);
            close(CloseCodes.SLOW_CONSUMER, "slow_consumer");
            return;
        }
        transport.send(frame, () -> release(bytes));
    }

    private void release(long bytes) {
        queued.decrementAndGet();
        queuedBytes.addAndGet(-bytes);
    }

    void ping() {
        transport.ping();
    }

    /** Marks the socket as going away, so it no longer counts as one of the user's sockets nor gets frames. */
    void markClosing() {
        closing = true;
    }

    void close(int code, String reason) {
        closing = true;
        if (transport.isOpen() && closeStarted.compareAndSet(false, true)) {
            transport.close(code, reason);
        }
    }

    /** The UTF-8 length of text without encoding it (frames are counted on the hot path). */
    static long utf8Length(String text) {
        long bytes = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
