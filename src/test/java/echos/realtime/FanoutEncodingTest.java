package echos.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fan-out hands every socket the same encoded frame: one UTF-8 encoding whatever the number of sockets. */
class FanoutEncodingTest {

    private static final class RecordingTransport implements Transport {
        private final String id;
        final List<EncodedFrame> frames = new ArrayList<>();

        RecordingTransport(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void send(EncodedFrame frame, Runnable written) {
            frames.add(frame);
            written.run();
        }

        @Override
        public void close(int code, String reason) {
        }
    }

    @Test
    void everySocketOfEveryUserGetsTheSameBytesAndTheOriginSocketNone() {
        Connections connections = new Connections(Clock.systemUTC(), 100, 1_000_000, 20);
        List<RecordingTransport> sockets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            RecordingTransport socket = new RecordingTransport("socket-" + i);
            sockets.add(socket);
            connections.add(socket, "user-" + (i % 3), "session-" + i, null);
        }
        String text = "{\"type\":\"message.new\",\"data\":{\"text\":\"héllo 👋\"}}";
        connections.sendToUsers(List.of("user-0", "user-1", "user-2"), text, "socket-0");
        assertEquals(0, sockets.get(0).frames.size(), "the socket the message came from");
        EncodedFrame first = sockets.get(1).frames.get(0);
        for (RecordingTransport socket : sockets.subList(1, 6)) {
            assertEquals(1, socket.frames.size(), socket.id());
            assertSame(first, socket.frames.get(0), "one encoding shared by " + socket.id());
            assertSame(first.utf8(), socket.frames.get(0).utf8());
        }
        assertEquals(text, new String(first.utf8(), StandardCharsets.UTF_8));
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, first.byteLength());
    }
}
