package echos.user;

import java.time.Instant;

/**
 * A person with an account. The password hash is deliberately not part of it. {@code showOnline} false means nobody
 * is told when this user is online, was last seen, or is typing.
 */
public record User(String id, String email, String fullName, String bio, String avatarUrl, Instant createdAt,
        Instant lastSeenAt, boolean showOnline) {
}
