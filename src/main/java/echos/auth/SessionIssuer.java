package echos.auth;

import echos.common.id.IdGenerator;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Starts sessions: stores one and signs an HS256 JWT with sub, sid, iat and exp for it. */
@ApplicationScoped
public class SessionIssuer {

    public static final String SESSION_CLAIM = "sid";

    private final SessionStore sessions;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration lifetime;

    public SessionIssuer(SessionStore sessions, IdGenerator ids, Clock clock,
            @ConfigProperty(name = "echos.session.lifetime") Duration lifetime) {
        this.sessions = sessions;
        this.ids = ids;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public IssuedSession start(String userId) {
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Session session = new Session(ids.next(), userId, now, now.plus(lifetime));
        sessions.create(session);
        String token = Jwt.subject(userId)
                .claim(SESSION_CLAIM, session.id())
                .groups(Set.of("user"))
                .issuedAt(now)
                .expiresAt(session.expiresAt())
                .sign();
        return new IssuedSession(session, token);
    }

    public Duration lifetime() {
        return lifetime;
    }
}
