package echos.realtime;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Gives a socket the server closes {@link #GRACE_MILLIS} to finish the close handshake, then cuts its TCP connection:
 * a reader that stopped reading never sees the close frame queued behind what it did not read, and Vert.x would
 * otherwise keep the connection (and its buffers) until the peer answers.
 */
@ApplicationScoped
public class CloseDeadline {

    static final long GRACE_MILLIS = 3000;
    private static final Logger LOG = Logger.getLogger(CloseDeadline.class);

    private final Vertx vertx;

    public CloseDeadline(Vertx vertx) {
        this.vertx = vertx;
    }

    /** After the grace, cuts {@code tcp} if {@code stillOpen} says the socket has not closed by then. */
    void start(String connectionId, HttpConnection tcp, BooleanSupplier stillOpen) {
        if (tcp == null) {
            return;
        }
        vertx.setTimer(GRACE_MILLIS, id -> {
            if (stillOpen.getAsBoolean()) {
                LOG.debugf("event=socket_cut connection=%s", connectionId);
                cut(tcp);
            }
        });
    }

    private static void cut(HttpConnection tcp) {
        // HttpConnection.close(), like a close through the whole pipeline, only repeats the WebSocket close and waits
        // for the closing timeout again; a close that starts below Vert.x's handlers closes the TCP connection now.
        // ConnectionBase is Vert.x-internal, hence the fallback.
        if (tcp instanceof ConnectionBase base && base.channel().pipeline().firstContext() != null) {
            base.channel().pipeline().firstContext().close();
        } else {
            tcp.close();
        }
    }
}
