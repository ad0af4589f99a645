package echos.user;

import java.time.Instant;

/** The JSON form of the signed-in user's own account. */
public record UserView(String id, String email, String fullName, String bio, String avatarUrl, Instant createdAt,
        boolean showOnline) {

    public static UserView of(User user) {
        return new UserView(user.id(), user.email(), user.fullName(), user.bio(), user.avatarUrl(), user.createdAt(), user.showOnline());
    }
}
