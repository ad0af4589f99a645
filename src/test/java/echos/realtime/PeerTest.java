package echos.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The bounded outbound queue of one socket, against a stand-in transport whose writes we control. */
class PeerTest {

    /** A transport whose writes complete at once, or never (a reader that stopped reading). */
    private static final class StandInTransport implements Transport {
        final AtomicInteger written = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();
        final AtomicBoolean open = new AtomicBoolean(true);
        final AtomicReference<Integer> closedWith = new AtomicReference<>();
        private final boolean writesComplete;

        StandInTransport(boolean writesComplete) {
            this.writesComplete = writesComplete;
        }

        @Override
        public String id() {
            return "stand-in";
        }

        @Override
        public boolean isOpen() {
            return open.get();
        }

        @Override
        public void send(EncodedFrame frame, Runnable done) {
            written.incrementAndGet();
            if (writesComplete) {
                done.run();
            }
        }

        @Override
        public void close(int code, String reason) {
            closes.incrementAndGet();
            closedWith.compareAndSet(null, code);
            open.set(false);
        }
    }

    @Test
    void disconnectsAReaderThatFallsFurtherBehindThanTheQueueAllows() {
        StandInTransport stalled = new StandInTransport(false);
        Peer peer = new Peer(stalled, "user", "session", Long.MAX_VALUE, new OutboundLimit(3, 1_000_000), 0, 1);
        for (int i = 0; i < 3; i++) {
            peer.send("frame " + i);
        }
        assertNull(stalled.closedWith.get());
        peer.send("one too many");
        assertEquals(CloseCodes.SLOW_CONSUMER, stalled.closedWith.get().intValue());
        assertEquals(3, stalled.written.get(), "the frame over the limit is not written");
        peer.send("after close");
        assertEquals(3, stalled.written.get(), "nothing is written to a closed socket");
    }

    @Test
    void disconnectsAReaderWhoseQueuedTextGoesOverTheByteBoundCountedInUtf8() {
        StandInTransport stalled = new StandInTransport(false);
        Peer peer = new Peer(stalled, "user", "session", Long.MAX_VALUE, new OutboundLimit(1000, 10), 0, 1);
        peer.send("\u20ac\u20ac"); // 6 bytes in UTF-8, 2 chars
        assertEquals(6, peer.queuedBytes());
        peer.send("abcd"); // 10 bytes: at the bound, still fine
        assertNull(stalled.closedWith.get());
        peer.send("\u00e9"); // 2 more bytes: over
        assertEquals(CloseCodes.SLOW_CONSUMER, stalled.closedWith.get().intValue());
        assertEquals(2, stalled.written.get(), "the frame over the byte bound is not written");
        assertEquals(10, peer.queuedBytes());
    }

    @Test
    void releasesTheBytesOfEveryCompletedWrite() {
        StandInTransport healthy = new StandInTransport(true);
        Peer peer = new Peer(healthy, "user", "session", Long.MAX_VALUE, new OutboundLimit(1000, 100), 0, 1);
        for (int i = 0; i < 50; i++) {
            peer.send("x".repeat(60));
        }
        assertNull(healthy.closedWith.get());
        assertEquals(0, peer.queuedBytes());
        assertEquals(50, healthy.written.get());
    }

    @Test
    void closesTheTransportOnceHoweverOftenItIsClosed() {
        StandInTransport stalled = new StandInTransport(false);
        Peer peer = new Peer(stalled, "user", "session", Long.MAX_VALUE, new OutboundLimit(1, 1_000_000), 0, 1);
        peer.send("queued");
        peer.send("over the bound");
        stalled.open.set(true); // a close handshake that never completes: the socket still looks open
        peer.close(CloseCodes.GOING_AWAY, "idle timeout");
        assertEquals(CloseCodes.SLOW_CONSUMER, stalled.closedWith.get().intValue(), "the first close wins");
        assertEquals(1, stalled.closes.get(), "so the transport starts its close (and its cut-off deadline) once");
    }

    @Test
    void countsUtf8BytesLikeTheEncoder() {
        for (String text : new String[] {"", "plain", "\u00e9t\u00e9", "\u20ac", "\ud83d\ude00 smile", "mixed \u4e2d\u6587 \ud83c\udf89"}) {
            assertEquals(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, Peer.utf8Length(text), text);
        }
    }

    @Test
    void keepsAReaderThatKeepsUp() {
        StandInTransport healthy = new StandInTransport(true);
        Peer peer = new Peer(healthy, "user", "session", Long.MAX_VALUE, new OutboundLimit(3, 1_000_000), 0, 1);
        for (int i = 0; i < 50; i++) {
            peer.send("frame " + i);
        }
        assertNull(healthy.closedWith.get());
        assertEquals(50, healthy.written.get());
    }
}
