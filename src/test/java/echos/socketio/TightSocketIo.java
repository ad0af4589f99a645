package echos.socketio;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Short Engine.IO timings and small per-account limits, so the Socket.IO limits are hit within a test. */
public class TightSocketIo implements QuarkusTestProfile {

    static final long PING_MILLIS = 300;
    static final long CONNECT_TIMEOUT_MILLIS = 1500;
    static final int MAX_PENDING = 4;
    static final int MAX_OUTBOUND_BYTES = 3000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "echos.socketio.ping-interval", "PT0.3S",
                "echos.socketio.ping-timeout", "PT0.3S",
                "echos.socketio.connect-timeout", "PT1.5S",
                "echos.socketio.max-pending", String.valueOf(MAX_PENDING),
                "echos.ws.max-sockets-per-account", "2",
                "echos.ws.max-outbound-bytes", String.valueOf(MAX_OUTBOUND_BYTES),
                "echos.send.burst", "3",
                "echos.send.per-second", "0.2");
    }
}
