package echos.auth;

import echos.common.error.ApiException;
import echos.common.error.FieldErrors;
import echos.common.id.IdGenerator;
import echos.common.ratelimit.RateLimiter;
import echos.user.EmailTakenException;
import echos.user.NewUser;
import echos.user.ProfileRules;
import echos.user.User;
import echos.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jboss.logging.Logger;

/** Creates an account and logs it in. */
@ApplicationScoped
public class Signup {

    private static final Logger LOG = Logger.getLogger(Signup.class);

    public record Request(String fullName, String email, String password) {
    }

    private final UserStore users;
    private final PasswordHasher hasher;
    private final SessionIssuer sessions;
    private final RateLimiter limiter;
    private final AuthRateLimits limits;
    private final IdGenerator ids;
    private final Clock clock;

    public Signup(UserStore users, PasswordHasher hasher, SessionIssuer sessions, RateLimiter limiter,
            AuthRateLimits limits, IdGenerator ids, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.limiter = limiter;
        this.limits = limits;
        this.ids = ids;
        this.clock = clock;
    }

    public Signed signUp(Request request, String clientIp) {
        Request r = request == null ? new Request(null, null, null) : request;
        String fullName = ProfileRules.trim(r.fullName());
        String email = CredentialRules.normalizeEmail(r.email());
        new FieldErrors()
                .addIfPresent("fullName", ProfileRules.fullNameProblem(fullName))
                .addIfPresent("email", CredentialRules.emailProblem(email))
                .addIfPresent("password", CredentialRules.passwordProblem(r.password()))
                .throwIfAny();
        limiter.tryHit(limits.signupsPerIp(), clientIp).ifPresent(wait -> {
            throw ApiException.rateLimited(wait);
        });
        if (users.findByEmail(email).isPresent()) {
            throw emailTaken();
        }
        User user;
        try {
            user = users.create(new NewUser(ids.next(), email, fullName, hasher.hash(r.password()),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        } catch (EmailTakenException e) {
            throw emailTaken();
        }
        LOG.infof("event=signup user=%s", user.id());
        return new Signed(user, sessions.start(user.id()));
    }

    private static ApiException emailTaken() {
        return new ApiException(409, "email_taken", "An account with this email already exists.",
                Map.of("email", "An account with this email already exists."), 0);
    }

    /** A user together with the session just started for them. */
    public record Signed(User user, IssuedSession session) {
    }
}
