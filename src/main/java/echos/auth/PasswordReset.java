package echos.auth;

import echos.common.error.ApiException;
import echos.common.error.FieldErrors;
import echos.common.ratelimit.RateLimit;
import echos.common.ratelimit.RateLimiter;
import echos.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Forgot-password and reset. The request path does the same work whether or not the account exists (limits,
 * then a hand-off to the mail thread), so neither the answer nor its timing tells which emails have accounts.
 */
@ApplicationScoped
public class PasswordReset {

    private static final Logger LOG = Logger.getLogger(PasswordReset.class);
    private static final int TOKEN_BYTES = 32;

    private final UserStore users;
    private final ResetTokenStore tokens;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final PasswordResetMailer mailer;
    private final RateLimiter limiter;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final String publicUrl;
    private final RateLimit perEmail;
    private final RateLimit perIp;
    private final SecureRandom random = new SecureRandom();
    private final Event<SessionsEnded> ended;

    public PasswordReset(UserStore users, ResetTokenStore tokens, SessionStore sessions, PasswordHasher hasher,
            PasswordResetMailer mailer, RateLimiter limiter, Clock clock,
            @ConfigProperty(name = "echos.password-reset.token-lifetime") Duration tokenLifetime,
            @ConfigProperty(name = "echos.public-url") Optional<String> publicUrl,
            @ConfigProperty(name = "quarkus.http.port") int port,
            @ConfigProperty(name = "echos.rate-limit.reset-mails-per-email") int perEmail,
            @ConfigProperty(name = "echos.rate-limit.reset-mails-per-ip") int perIp,
            @ConfigProperty(name = "echos.rate-limit.reset-window") Duration window, Event<SessionsEnded> ended) {
        this.ended = ended;
        this.users = users;
        this.tokens = tokens;
        this.sessions = sessions;
        this.hasher = hasher;
        this.mailer = mailer;
        this.limiter = limiter;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.publicUrl = publicUrl.filter(u -> !u.isBlank()).map(u -> u.replaceAll("/+$", "")).orElse("http://localhost:" + port);
        this.perEmail = new RateLimit("reset-mails-email", perEmail, window);
        this.perIp = new RateLimit("reset-mails-ip", perIp, window);
    }

    public void requestLink(String rawEmail, String clientIp) {
        String email = CredentialRules.normalizeEmail(rawEmail);
        new FieldErrors().addIfPresent("email", CredentialRules.emailProblem(email)).throwIfAny();
        if (!mailer.canDeliver()) {
            throw new ApiException(503, "email_unavailable", "Password reset by email is not available on this server.");
        }
        Optional<Duration> wait = limiter.tryHit(perIp, clientIp).or(() -> limiter.tryHit(perEmail, email));
        if (wait.isPresent()) {
            throw ApiException.rateLimited(wait.get());
        }
        mailer.inBackground(() -> users.findByEmail(email).ifPresent(user -> {
            String token = newToken();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            tokens.invalidateAllOf(user.id());
            tokens.create(new ResetToken(hash(token), user.id(), now, now.plus(tokenLifetime)));
            mailer.send(user.id(), user.email(), publicUrl + "/reset-password?token=" + token);
        }));
    }

    public void reset(String token, String newPassword) {
        new FieldErrors().addIfPresent("newPassword", CredentialRules.passwordProblem(newPassword)).throwIfAny();
        String userId = (token == null || token.isBlank() ? Optional.<String>empty() : tokens.consume(hash(token.trim()), clock.instant()))
                .orElseThrow(() -> new ApiException(400, "invalid_token",
                        "This reset link is unknown, expired or already used. Ask for a new one.", Map.of(), 0));
        users.updatePasswordHash(userId, hasher.hash(newPassword));
        tokens.invalidateAllOf(userId);
        int revoked = sessions.deleteAllOfUser(userId);
        ended.fire(SessionsEnded.allOf(userId, null));
        LOG.infof("event=password_reset user=%s revoked_sessions=%d", userId, revoked);
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
