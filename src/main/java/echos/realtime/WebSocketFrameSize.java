package echos.realtime;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * WS_MAX_FRAME_SIZE bounds both one WebSocket frame and one whole message on every socket of the HTTP and HTTPS
 * servers (/ws and Socket.IO); Vert.x fails a socket that goes over it, which then closes with 1009.
 */
@ApplicationScoped
public class WebSocketFrameSize implements HttpServerOptionsCustomizer {

    private final int maxBytes;

    public WebSocketFrameSize(@ConfigProperty(name = "echos.ws.max-frame-size") MemorySize maxFrameSize) {
        if (maxFrameSize.asLongValue() < 1) {
            throw new IllegalArgumentException("WS_MAX_FRAME_SIZE must be positive");
        }
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE, maxFrameSize.asLongValue());
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        limit(options);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        limit(options);
    }

    private void limit(HttpServerOptions options) {
        options.setMaxWebSocketFrameSize(maxBytes).setMaxWebSocketMessageSize(maxBytes);
    }
}
