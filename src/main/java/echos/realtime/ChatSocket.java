package echos.realtime;

import echos.auth.Session;
import echos.auth.SocketAuth;
import echos.common.web.AllowedOrigins;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * The chat socket at {@code /ws}, a plain Vert.x route (as Socket.IO's), so an idle socket holds little more than
 * its Vert.x WebSocket and its {@link Peer}. The upgrade is refused with 403 for a foreign browser Origin
 * (cross-site WebSocket hijacking) and 401 without a live session; an admitted socket becomes a
 * {@link WebSocketTransport}. Frame and message size are Vert.x's ({@link WebSocketFrameSize}), pings
 * {@link SocketPings}'.
 */
@ApplicationScoped
public class ChatSocket {

    static final String PATH = "/ws";
    private static final Logger LOG = Logger.getLogger(ChatSocket.class);

    private final AllowedOrigins origins;
    private final SocketAuth auth;
    private final PeerLifecycle peers;
    private final CloseDeadline closeDeadline;
    private final Executor workers;

    public ChatSocket(AllowedOrigins origins, SocketAuth auth, PeerLifecycle peers, CloseDeadline closeDeadline) {
        this.origins = origins;
        this.auth = auth;
        this.peers = peers;
        this.closeDeadline = closeDeadline;
        this.workers = Infrastructure.getDefaultWorkerPool();
    }

    /** Before Quarkus security and the web app's routes, so the handler alone decides on the upgrade. */
    void install(@Observes Router router) {
        router.route(PATH).order(-150).handler(this::upgrade);
    }

    private void upgrade(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (!request.headers().contains("Sec-WebSocket-Key")) {
            rc.next(); // not a WebSocket handshake: not found, as any unknown path
            return;
        }
        if (!origins.admitsSocket(request)) {
            refuse(rc, 403);
            return;
        }
        String token = SocketAuth.requestToken(request);
        if (token == null) {
            refuse(rc, 401);
            return;
        }
        rc.vertx().<Optional<Session>>executeBlocking(() -> auth.live(token), false).onComplete(checked -> {
            if (checked.failed()) {
                LOG.warnf("event=socket_auth_failed reason=%s", checked.cause());
            }
            Session session = checked.succeeded() ? checked.result().orElse(null) : null;
            if (session == null) {
                refuse(rc, 401);
            } else {
                accept(rc, session);
            }
        });
    }

    private void accept(RoutingContext rc, Session session) {
        HttpConnection tcp = rc.request().connection();
        rc.request().toWebSocket()
                .onSuccess(socket -> new WebSocketTransport(socket, tcp, peers, closeDeadline, workers).open(session))
                .onFailure(e -> {
                    LOG.debugf("event=socket_upgrade_failed reason=%s", e);
                    refuse(rc, 400);
                });
    }

    private static void refuse(RoutingContext rc, int status) {
        if (!rc.response().ended() && !rc.response().headWritten()) {
            rc.response().setStatusCode(status).end();
        }
    }
}
