package echos.auth;

import echos.common.error.ApiException;
import echos.common.ratelimit.RateLimiter;
import echos.user.Credentials;
import echos.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Checks an email and password and starts a session. Unknown emails and wrong passwords answer alike, and take
 * one bcrypt check each, so neither the answer nor its timing reveals which accounts exist.
 */
@ApplicationScoped
public class Login {

    private static final Logger LOG = Logger.getLogger(Login.class);

    public record Request(String email, String password) {
    }

    private final UserStore users;
    private final PasswordHasher hasher;
    private final SessionIssuer sessions;
    private final RateLimiter limiter;
    private final AuthRateLimits limits;

    public Login(UserStore users, PasswordHasher hasher, SessionIssuer sessions, RateLimiter limiter, AuthRateLimits limits) {
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.limiter = limiter;
        this.limits = limits;
    }

    public Signup.Signed logIn(Request request, String clientIp) {
        String email = CredentialRules.normalizeEmail(request == null ? null : request.email());
        String password = request == null || request.password() == null ? "" : request.password();
        Optional<Duration> blocked = limiter.blockedFor(limits.loginFailuresPerEmail(), email)
                .or(() -> limiter.blockedFor(limits.loginFailuresPerIp(), clientIp));
        if (blocked.isPresent()) {
            throw ApiException.rateLimited(blocked.get());
        }
        Optional<Credentials> credentials = users.findCredentialsByEmail(email);
        boolean valid;
        if (credentials.isPresent()) {
            valid = hasher.matches(password, credentials.get().passwordHash());
        } else {
            hasher.matchAgainstNothing(password);
            valid = false;
        }
        if (!valid) {
            limiter.hit(limits.loginFailuresPerEmail(), email);
            limiter.hit(limits.loginFailuresPerIp(), clientIp);
            LOG.infof("event=login_failed ip=%s", clientIp);
            throw new ApiException(401, "invalid_credentials", "Wrong email or password.");
        }
        limiter.clear(limits.loginFailuresPerEmail(), email);
        String userId = credentials.get().userId();
        return new Signup.Signed(users.findById(userId).orElseThrow(ApiException::unauthenticated), sessions.start(userId));
    }
}
