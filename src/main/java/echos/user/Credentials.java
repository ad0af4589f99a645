package echos.user;

/** The stored password hash of a user, only ever read by login and password change. */
public record Credentials(String userId, String passwordHash) {
}
