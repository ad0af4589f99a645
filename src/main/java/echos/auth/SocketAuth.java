package echos.auth;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The session a socket speaks for, checked outside Quarkus security (the sockets are plain Vert.x routes): a token
 * verified as every HTTP request's is (signature, issuer, expiry, and a session that still exists). Blocking: reads
 * the session store.
 */
@ApplicationScoped
public class SocketAuth {

    private static final String BEARER = "Bearer ";
    private static final int MAX_TOKEN_LENGTH = 8192;

    private final JWTParser parser;
    private final SessionCheck sessions;

    public SocketAuth(JWTParser parser, SessionCheck sessions) {
        this.parser = parser;
        this.sessions = sessions;
    }

    public Optional<Session> live(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            return sessions.liveSession(parser.parse(token));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The token of a request as SmallRye JWT reads it for HTTP (application.properties): the {@code jwt} cookie, else
     * {@code Authorization: Bearer}; null without either.
     */
    public static String requestToken(HttpServerRequest request) {
        Cookie cookie = request.getCookie(SessionCookie.NAME);
        if (cookie != null) {
            return cookie.getValue();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        return null;
    }
}
