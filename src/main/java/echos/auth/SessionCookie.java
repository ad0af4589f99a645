package echos.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The httpOnly "jwt" cookie that carries the session token for browsers. Secure when NODE_ENV=production or when
 * Echos serves HTTPS itself (TLS_CERT_FILE set).
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "jwt";

    private final boolean secure;

    public SessionCookie(@ConfigProperty(name = "echos.node-env") String nodeEnv,
            @ConfigProperty(name = "echos.tls.cert-file") java.util.Optional<String> tlsCertFile) {
        this.secure = "production".equalsIgnoreCase(nodeEnv.trim()) || tlsCertFile.filter(f -> !f.isBlank()).isPresent();
    }

    public NewCookie carrying(String token, Duration lifetime) {
        return build(token, (int) lifetime.toSeconds());
    }

    public NewCookie cleared() {
        return build("", 0);
    }

    private NewCookie build(String value, int maxAge) {
        return new NewCookie.Builder(NAME)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(maxAge)
                .build();
    }
}
