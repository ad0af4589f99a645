package echos.socketio;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The Engine.IO timings and bounds of the Socket.IO endpoint (docs/configuration.md). */
@ApplicationScoped
public class EngineSettings {

    private final long pingIntervalMillis;
    private final long pingTimeoutMillis;
    private final long connectTimeoutMillis;
    private final int maxPayload;
    private final int maxPending;

    public EngineSettings(@ConfigProperty(name = "echos.socketio.ping-interval") Duration pingInterval,
            @ConfigProperty(name = "echos.socketio.ping-timeout") Duration pingTimeout,
            @ConfigProperty(name = "echos.socketio.connect-timeout") Duration connectTimeout,
            @ConfigProperty(name = "echos.socketio.max-pending") int maxPending,
            @ConfigProperty(name = "echos.ws.max-frame-size") MemorySize maxPayload) {
        if (pingInterval.toMillis() < 1 || pingTimeout.toMillis() < 1 || connectTimeout.toMillis() < 1 || maxPending < 1) {
            throw new IllegalArgumentException("SOCKETIO_PING_INTERVAL, SOCKETIO_PING_TIMEOUT, SOCKETIO_CONNECT_TIMEOUT and"
                    + " SOCKETIO_MAX_PENDING must be positive");
        }
        this.pingIntervalMillis = pingInterval.toMillis();
        this.pingTimeoutMillis = pingTimeout.toMillis();
        this.connectTimeoutMillis = connectTimeout.toMillis();
        this.maxPending = maxPending;
        this.maxPayload = (int) Math.min(Integer.MAX_VALUE, maxPayload.asLongValue());
    }

    long pingIntervalMillis() {
        return pingIntervalMillis;
    }

    long pingTimeoutMillis() {
        return pingTimeoutMillis;
    }

    /** How long an Engine.IO session may stay without a Socket.IO connection that passed its auth check. */
    long connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    /** The most bytes of one packet (a WebSocket message) or one polling request body: WS_MAX_FRAME_SIZE, as on /ws. */
    int maxPayload() {
        return maxPayload;
    }

    /** Engine.IO sessions open on this node that have not connected to a namespace yet. */
    int maxPending() {
        return maxPending;
    }

    String handshake(String sid, boolean canUpgrade) {
        return "0{\"sid\":\"" + sid + "\",\"upgrades\":" + (canUpgrade ? "[\"websocket\"]" : "[]") + ",\"pingInterval\":"
                + pingIntervalMillis + ",\"pingTimeout\":" + pingTimeoutMillis + ",\"maxPayload\":" + maxPayload + "}";
    }
}
