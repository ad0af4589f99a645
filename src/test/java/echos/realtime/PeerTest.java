package echos.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The bounded outbound queue of one socket, against a stand-in connection whose writes we control. */
class PeerTest {

    /** A connection whose writes complete at once, or never (a reader that stopped reading). */
    private static final class StandInConnection {
        final AtomicInteger written = new AtomicInteger();
        final AtomicBoolean open = new AtomicBoolean(true);
        final AtomicReference<CloseReason> closedWith = new AtomicReference<>();
        final WebSocketConnection connection;

        StandInConnection(boolean writesComplete) {
            connection = (WebSocketConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {WebSocketConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "id" -> "stand-in";
                        case "isOpen" -> open.get();
                        case "sendText" -> {
                            written.incrementAndGet();
                            yield writesComplete ? Uni.createFrom().voidItem() : Uni.createFrom().emitter(e -> { });
                        }
                        case "close" -> {
                            closedWith.set((CloseReason) args[0]);
                            open.set(false);
                            yield Uni.createFrom().voidItem();
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "stand-in connection";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    @Test
    void disconnectsAReaderThatFallsFurtherBehindThanTheQueueAllows() {
        StandInConnection stalled = new StandInConnection(false);
        Peer peer = new Peer(stalled.connection, "user", "session", Long.MAX_VALUE, new OutboundLimit(3, 1_000_000), 0, 1, () -> { });
        for (int i = 0; i < 3; i++) {
            peer.send("frame " + i);
        }
        assertNull(stalled.closedWith.get());
        peer.send("one too many");
        assertEquals(CloseCodes.SLOW_CONSUMER, stalled.closedWith.get().getCode());
        assertEquals(3, stalled.written.get(), "the frame over the limit is not written");
        peer.send("after close");
        assertEquals(3, stalled.written.get(), "nothing is written to a closed socket");
    }

    @Test
    void disconnectsAReaderWhoseQueuedTextGoesOverTheByteBoundCountedInUtf8() {
        StandInConnection stalled = new StandInConnection(false);
        Peer peer = new Peer(stalled.connection, "user", "session", Long.MAX_VALUE, new OutboundLimit(1000, 10), 0, 1, () -> { });
        peer.send("\u20ac\u20ac"); // 6 bytes in UTF-8, 2 chars
        assertEquals(6, peer.queuedBytes());
        peer.send("abcd"); // 10 bytes: at the bound, still fine
        assertNull(stalled.closedWith.get());
        peer.send("\u00e9"); // 2 more bytes: over
        assertEquals(CloseCodes.SLOW_CONSUMER, stalled.closedWith.get().getCode());
        assertEquals(2, stalled.written.get(), "the frame over the byte bound is not written");
        assertEquals(10, peer.queuedBytes());
    }

    @Test
    void releasesTheBytesOfEveryCompletedWrite() {
        StandInConnection healthy = new StandInConnection(true);
        Peer peer = new Peer(healthy.connection, "user", "session", Long.MAX_VALUE, new OutboundLimit(1000, 100), 0, 1, () -> { });
        for (int i = 0; i < 50; i++) {
            peer.send("x".repeat(60));
        }
        assertNull(healthy.closedWith.get());
        assertEquals(0, peer.queuedBytes());
        assertEquals(50, healthy.written.get());
    }

    @Test
    void startsTheCloseDeadlineOnceHoweverOftenItIsClosed() {
        StandInConnection stalled = new StandInConnection(false);
        AtomicInteger deadlines = new AtomicInteger();
        Peer peer = new Peer(stalled.connection, "user", "session", Long.MAX_VALUE, new OutboundLimit(1, 1_000_000), 0, 1,
                deadlines::incrementAndGet);
        peer.send("queued");
        peer.send("over the bound");
        stalled.open.set(true); // a close handshake that never completes: the socket still looks open
        peer.close(CloseCodes.GOING_AWAY, "idle timeout");
        assertEquals(CloseCodes.SLOW_CONSUMER, stalled.closedWith.get().getCode(), "the first close wins");
        assertEquals(1, deadlines.get());
    }

    @Test
    void countsUtf8BytesLikeTheEncoder() {
        for (String text : new String[] {"", "plain", "\u00e9t\u00e9", "\u20ac", "\ud83d\ude00 smile", "mixed \u4e2d\u6587 \ud83c\udf89"}) {
            assertEquals(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, Peer.utf8Length(text), text);
        }
    }

    @Test
    void keepsAReaderThatKeepsUp() {
        StandInConnection healthy = new StandInConnection(true);
        Peer peer = new Peer(healthy.connection, "user", "session", Long.MAX_VALUE, new OutboundLimit(3, 1_000_000), 0, 1, () -> { });
        for (int i = 0; i < 50; i++) {
            peer.send("frame " + i);
        }
        assertNull(healthy.closedWith.get());
        assertEquals(50, healthy.written.get());
    }
}
