package echos.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * bcrypt through at.favre.lib. Passwords longer than bcrypt's 72 bytes are first hashed with SHA-512
 * (bcrypt alone would silently ignore the rest). Hashes written by Chatty (bcryptjs: {@code $2a$}, UTF-8, only the
 * first 72 bytes count) still verify: a long password that fails the SHA-512 way is tried truncated, as bcryptjs did.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
    private static final int BCRYPT_MAX_BYTES = 72;

    private final int cost;
    private final BCrypt.Hasher hasher = BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final BCrypt.Verifyer truncating = BCrypt.verifyer(VERSION, LongPasswordStrategies.truncate(VERSION));
    private final String dummyHash;

    public PasswordHasher(@ConfigProperty(name = "echos.bcrypt.cost") int cost) {
        if (cost < 10 || cost > 16) {
            throw new IllegalArgumentException("BCRYPT_COST must be between 10 and 16");
        }
        this.cost = cost;
        this.dummyHash = hash("timing-equalizer-for-unknown-emails");
    }

    public String hash(String password) {
        return hasher.hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        byte[] stored = hash.getBytes(StandardCharsets.UTF_8);
        if (verifyer.verify(bytes, stored).verified) {
            return true;
        }
        // only where the two ways differ; an Echos hash of a long password never matches its truncated form
        return bytes.length > BCRYPT_MAX_BYTES && truncating.verify(bytes, stored).verified;
    }

    /** Spends the same time as a real check, so an unknown email cannot be told apart by response time. */
    public void matchAgainstNothing(String password) {
        matches(password, dummyHash);
    }
}
