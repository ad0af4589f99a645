package echos.auth;

import java.time.Instant;

/** A password reset token as stored: only the SHA-256 of the token the user received. */
public record ResetToken(String tokenHash, String userId, Instant createdAt, Instant expiresAt) {
}
