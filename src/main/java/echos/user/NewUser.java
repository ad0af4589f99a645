package echos.user;

import java.time.Instant;

/** What signup hands the store: a validated, normalized account with its password already hashed. */
public record NewUser(String id, String email, String fullName, String passwordHash, Instant createdAt) {
}
