package echos.auth;

import java.time.Instant;

/** A login: tokens carry its id, so deleting it revokes every token issued for it. */
public record Session(String id, String userId, Instant createdAt, Instant expiresAt) {

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
