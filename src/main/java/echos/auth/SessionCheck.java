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
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Accepts a valid JWT only while its session still exists, so logout and password changes revoke tokens.
 * Applies to every transport that authenticates through Quarkus security (HTTP and the WebSocket upgrade).
 */
@ApplicationScoped
public class SessionCheck implements SecurityIdentityAugmentor {

    public static final String USER_ID = "echos.userId";
    public static final String SESSION_ID = "echos.sessionId";
    /** The session's expiry ({@link java.time.Instant}), so a socket can be closed when it passes. */
    public static final String SESSION_EXPIRES_AT = "echos.sessionExpiresAt";

    private final SessionStore sessions;
    private final Clock clock;

    public SessionCheck(SessionStore sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            String sessionId = text(jwt.getClaim(SessionIssuer.SESSION_CLAIM));
            String userId = jwt.getSubject();
            Session live = sessionId == null || userId == null ? null : sessions.find(sessionId)
                    .filter(s -> s.userId().equals(userId) && !s.isExpiredAt(clock.instant()))
                    .orElse(null);
            if (live == null) {
                throw new AuthenticationFailedException("session revoked or expired");
            }
            return QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(USER_ID, userId)
                    .addAttribute(SESSION_ID, sessionId)
                    .addAttribute(SESSION_EXPIRES_AT, live.expiresAt())
                    .build();
        });
    }

    private static String text(Object claim) {
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim == null ? null : claim.toString();
    }
}
