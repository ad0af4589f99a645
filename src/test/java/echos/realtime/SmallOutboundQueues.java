package echos.realtime;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Sockets with a small outbound byte bound (256 KiB), so slow readers hit it quickly; the frame bound stays at its
 * default, so a test that passes here would fail if only frames were counted. Sending is not rate limited here.
 */
public class SmallOutboundQueues implements QuarkusTestProfile {

    static final long MAX_OUTBOUND_BYTES = 256 * 1024;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "echos.ws.max-outbound-bytes", String.valueOf(MAX_OUTBOUND_BYTES),
                "echos.ws.max-outbound-queue", "1000",
                "echos.send.burst", "100000",
                "echos.send.per-second", "100000");
    }
}
