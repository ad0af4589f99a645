package echos.user;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage port for user accounts. Emails are unique and looked up case-insensitively on every backend. */
public interface UserStore {

    /** @throws EmailTakenException when the email is already used, in any letter case */
    User create(NewUser user);

    Optional<User> findById(String id);

    Optional<User> findByEmail(String email);

    Optional<Credentials> findCredentialsByEmail(String email);

    Optional<Credentials> findCredentialsById(String id);

    /** @return the updated user, or empty when no such user exists */
    Optional<User> updateProfile(String id, ProfileChange change);

    void updatePasswordHash(String id, String passwordHash);

    /** The users among the given ids that exist, in no particular order. */
    List<User> findByIds(Collection<String> ids);

    /**
     * Users whose name contains the query or whose whole email is the query, ignoring case, ordered by name.
     * {@code %} and {@code _} in the query are plain characters.
     */
    List<User> search(String query, String excludedUserId, int limit);

    /**
     * Every user except the excluded one, ordered by name ignoring case, then id; at most limit of them. For clients
     * (Chatty's) that list everyone instead of searching.
     */
    List<User> listOthers(String excludedUserId, int limit);

    void updateLastSeen(String id, Instant lastSeenAt);

    /** Sets or (with null) clears the profile picture. */
    void updateAvatarUrl(String id, String avatarUrl);
}
