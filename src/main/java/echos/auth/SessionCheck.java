package echos.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Accepts a valid JWT only while its session still exists, so logout and password changes revoke tokens.
 * Applies to every request that authenticates through Quarkus security; the sockets check through {@link SocketAuth}.
 */
@ApplicationScoped
public class SessionCheck implements SecurityIdentityAugmentor {

    public static final String USER_ID = "echos.userId";
    public static final String SESSION_ID = "echos.sessionId";
    /** The session's expiry ({@link java.time.Instant}), so a socket can be closed when it passes. */
    public static final String SESSION_EXPIRES_AT = "echos.sessionExpiresAt";

    private final SessionCache sessions;
    private final Clock clock;

    public SessionCheck(SessionCache sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            Session live = liveSession(jwt).orElseThrow(() -> new AuthenticationFailedException("session revoked or expired"));
            return QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(USER_ID, live.userId())
                    .addAttribute(SESSION_ID, live.id())
                    .addAttribute(SESSION_EXPIRES_AT, live.expiresAt())
                    .build();
        });
    }

    /** The live session a verified token names (blocking: reads the session store), for transports outside Quarkus security. */
    public Optional<Session> liveSession(JsonWebToken jwt) {
        String sessionId = text(jwt.getClaim(SessionIssuer.SESSION_CLAIM));
        String userId = jwt.getSubject();
        if (sessionId == null || userId == null) {
            return Optional.empty();
        }
        return sessions.find(sessionId).filter(s -> s.userId().equals(userId) && !s.isExpiredAt(clock.instant()));
    }

    private static String text(Object claim) {
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim == null ? null : claim.toString();
    }
}
