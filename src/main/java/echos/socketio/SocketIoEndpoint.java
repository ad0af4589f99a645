package echos.socketio;

import com.fasterxml.jackson.databind.ObjectMapper;
import echos.auth.SessionCookie;
import echos.auth.SocketAuth;
import echos.common.web.AllowedOrigins;
import echos.realtime.PeerLifecycle;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * Socket.IO v4 (Engine.IO protocol 4, Socket.IO protocol 5) at {@code /socket.io/} on the HTTP port: long-polling
 * with upgrade to WebSocket, or WebSocket only. Same origin rules as {@code /ws}; the session is checked when the
 * client connects to the namespace ({@link SocketIoConnection}). Errors are answered as Engine.IO servers answer
 * them ({@code {"code","message"}} with 400), which Socket.IO clients report as a connect_error.
 */
@ApplicationScoped
public class SocketIoEndpoint {

    private static final Logger LOG = Logger.getLogger(SocketIoEndpoint.class);
    static final String PATH = "/socket.io/";

    private final AllowedOrigins origins;
    private final EngineSessions sessions;
    private final SocketIoConnection.Services services;

    public SocketIoEndpoint(AllowedOrigins origins, EngineSessions sessions, EngineSettings settings, SocketAuth auth,
            PeerLifecycle peers, ObjectMapper json, Vertx vertx) {
        this.origins = origins;
        this.sessions = sessions;
        this.services = new SocketIoConnection.Services(auth, peers, json, Infrastructure.getDefaultWorkerPool(), vertx,
                settings, sessions);
    }

    void install(@Observes Router router) {
        router.route("/socket.io/*").order(-150).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (!origins.admitsSocket(request)) {
            refuse(rc, 403, 4, "Forbidden");
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null) {
            rc.response().putHeader("Access-Control-Allow-Origin", origin).putHeader("Access-Control-Allow-Credentials", "true")
                    .putHeader("Vary", "Origin");
        }
        if (request.method() == HttpMethod.OPTIONS) {
            rc.response().setStatusCode(204).putHeader("Access-Control-Allow-Methods", "GET, POST")
                    .putHeader("Access-Control-Allow-Headers", "content-type").putHeader("Access-Control-Max-Age", "600").end();
            return;
        }
        if (!"4".equals(request.getParam("EIO"))) {
            refuse(rc, 400, 5, "Unsupported protocol version");
            return;
        }
        String transport = request.getParam("transport");
        boolean websocket = "websocket".equals(transport);
        if (!websocket && !"polling".equals(transport)) {
            refuse(rc, 400, 0, "Transport unknown");
            return;
        }
        boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
        if (websocket && !upgrade) {
            refuse(rc, 400, 3, "Bad request");
            return;
        }
        String sid = request.getParam("sid");
        if (sid == null) {
            handshake(rc, websocket);
            return;
        }
        EngineSession session = sessions.get(sid);
        if (session == null) {
            refuse(rc, 400, 1, "Session ID unknown");
        } else if (websocket) {
            request.toWebSocket().onSuccess(session::probe).onFailure(e -> LOG.debugf("event=socketio_upgrade_failed reason=%s", e));
        } else if (request.method() == HttpMethod.GET) {
            session.poll(rc);
        } else if (request.method() == HttpMethod.POST) {
            readBody(rc, body -> session.post(rc, body));
        } else {
            refuse(rc, 400, 2, "Bad handshake method");
        }
    }

    private void handshake(RoutingContext rc, boolean websocket) {
        if (rc.request().method() != HttpMethod.GET) {
            refuse(rc, 400, 2, "Bad handshake method");
            return;
        }
        if (!sessions.reservePending(services.settings().maxPending())) {
            refuse(rc, 503, 3, "Too many connections waiting to log in; try again shortly");
            return;
        }
        Cookie cookie = rc.request().getCookie(SessionCookie.NAME);
        EngineSession session = new EngineSession(sessions.newSid(), services.vertx(), services.settings(), sessions::remove);
        // Chatty's frontend names its user in every request's query; only such clients get Chatty's events
        new SocketIoConnection(session, cookie == null ? null : cookie.getValue(), rc.request().getParam("userId") != null, services);
        String open = services.settings().handshake(session.sid(), !websocket);
        if (websocket) {
            rc.request().toWebSocket().onSuccess(ws -> {
                sessions.add(session);
                session.start();
                session.attach(ws, open);
            }).onFailure(e -> session.close("upgrade failed"));
        } else {
            sessions.add(session);
            session.start();
            rc.response().putHeader("Content-Type", "text/plain; charset=UTF-8").end(open);
        }
    }

    private void readBody(RoutingContext rc, java.util.function.Consumer<String> then) {
        int max = services.settings().maxPayload();
        Buffer body = Buffer.buffer();
        HttpServerRequest request = rc.request();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > max) {
                request.handler(null);
                if (!rc.response().ended()) {
                    refuse(rc, 413, 3, "Payload over " + max + " bytes");
                }
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (!rc.response().ended()) {
                then.accept(body.toString(StandardCharsets.UTF_8));
            }
        });
        request.resume();
    }

    static void refuse(RoutingContext rc, int status, int code, String message) {
        if (rc.response().ended()) {
            return;
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end("{\"code\":" + code + ",\"message\":\"" + message + "\"}");
    }
}
