package echos.socketio;

import echos.auth.Session;
import echos.auth.SessionCheck;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The session a Socket.IO connection speaks for: the token from the CONNECT packet's {@code auth.token}, else the
 * session cookie of the handshake request; verified as every HTTP request is (signature, issuer, expiry, and a
 * session that still exists). Blocking: reads the session store.
 */
@ApplicationScoped
public class SocketAuth {

    private final JWTParser parser;
    private final SessionCheck sessions;

    public SocketAuth(JWTParser parser, SessionCheck sessions) {
        this.parser = parser;
        this.sessions = sessions;
    }

    Optional<Session> live(String token) {
        if (token == null || token.isBlank() || token.length() > 8192) {
            return Optional.empty();
        }
        try {
            return sessions.liveSession(parser.parse(token));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
