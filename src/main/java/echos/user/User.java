package echos.user;

import java.time.Instant;

/** A person with an account. The password hash is deliberately not part of it. */
public record User(String id, String email, String fullName, String bio, String avatarUrl, Instant createdAt,
        Instant lastSeenAt) {
}
