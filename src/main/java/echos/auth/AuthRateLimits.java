package echos.auth;

import echos.common.ratelimit.RateLimit;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The budgets that protect login and signup from guessing and account spam. */
@ApplicationScoped
public class AuthRateLimits {

    private final RateLimit loginFailuresPerEmail;
    private final RateLimit loginFailuresPerIp;
    private final RateLimit signupsPerIp;

    public AuthRateLimits(
            @ConfigProperty(name = "echos.rate-limit.login-failures-per-email") int perEmail,
            @ConfigProperty(name = "echos.rate-limit.login-failures-per-ip") int perIp,
            @ConfigProperty(name = "echos.rate-limit.login-window") Duration loginWindow,
            @ConfigProperty(name = "echos.rate-limit.signups-per-ip") int signups,
            @ConfigProperty(name = "echos.rate-limit.signup-window") Duration signupWindow) {
        this.loginFailuresPerEmail = new RateLimit("login-failures-email", perEmail, loginWindow);
        this.loginFailuresPerIp = new RateLimit("login-failures-ip", perIp, loginWindow);
        this.signupsPerIp = new RateLimit("signups-ip", signups, signupWindow);
    }

    RateLimit loginFailuresPerEmail() {
        return loginFailuresPerEmail;
    }

    RateLimit loginFailuresPerIp() {
        return loginFailuresPerIp;
    }

    RateLimit signupsPerIp() {
        return signupsPerIp;
    }
}
