package echos.auth;

import java.time.Instant;
import java.util.Optional;

/** Storage port for login sessions. */
public interface SessionStore {

    void create(Session session);

    Optional<Session> find(String id);

    /** @return true when the session existed */
    boolean delete(String id);

    /** Revokes every session of the user except the one given; returns how many were removed. */
    int deleteAllOfUserExcept(String userId, String keptSessionId);

    /** Revokes every session of the user; returns how many were removed. */
    int deleteAllOfUser(String userId);

    int deleteExpired(Instant now);
}
