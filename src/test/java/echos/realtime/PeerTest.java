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
        Peer peer = new Peer(stalled.connection, "user", "session", 3, 0);
        for (int i = 0; i < 3; i++) {
            peer.send("frame " + i);
        }
        assertNull(stalled.closedWith.get());
        peer.send("one too many");
        assertEquals(Peer.POLICY_VIOLATION, stalled.closedWith.get().getCode());
        assertEquals(3, stalled.written.get(), "the frame over the limit is not written");
        peer.send("after close");
        assertEquals(3, stalled.written.get(), "nothing is written to a closed socket");
    }

    @Test
    void keepsAReaderThatKeepsUp() {
        StandInConnection healthy = new StandInConnection(true);
        Peer peer = new Peer(healthy.connection, "user", "session", 3, 0);
        for (int i = 0; i < 50; i++) {
            peer.send("frame " + i);
        }
        assertNull(healthy.closedWith.get());
        assertEquals(50, healthy.written.get());
    }
}
