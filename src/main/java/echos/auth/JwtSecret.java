package echos.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * The HS256 signing key. JWT_SECRET may be any string (the seed's example is "your_jwt_secret"), so the
 * key is SHA-256 of it: always 256 bits. Without JWT_SECRET a random secret is kept in the data directory.
 */
public final class JwtSecret {

    static final String FILE_NAME = "jwt-secret";
    private static final Logger LOG = Logger.getLogger(JwtSecret.class);

    private final byte[] key;

    private JwtSecret(byte[] key) {
        this.key = key;
    }

    public static JwtSecret resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 32) {
                LOG.warn("event=jwt_secret_short hint=\"JWT_SECRET has fewer than 32 characters; use a long random value\"");
            }
            return fromSecret(configured);
        }
        return fromSecret(readOrCreate(dataDir.resolve(FILE_NAME)));
    }

    public static JwtSecret fromSecret(String secret) {
        try {
            return new JwtSecret(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] key() {
        return key.clone();
    }

    /** The key as a JWK, the form smallrye.jwt.verify.secretkey expects. */
    public String asJwk() {
        return "{\"kty\":\"oct\",\"k\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\"}";
    }

    private static synchronized String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.writeString(tmp, secret, StandardCharsets.UTF_8);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.move(tmp, file);
            LOG.infof("event=jwt_secret_generated file=%s hint=\"set JWT_SECRET to choose your own\"", file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
