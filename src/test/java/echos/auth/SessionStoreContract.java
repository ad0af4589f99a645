package echos.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echos.storage.StorageException;
import echos.user.NewUser;
import echos.user.UserStore;
import java.time.Instant;
import java.util.UUID;
import echos.storage.Stores;
import echos.storage.StoreContract;
import org.junit.jupiter.api.Test;

/** What every {@link SessionStore} backend must do. Subclasses only say which database to use. */
public abstract class SessionStoreContract extends StoreContract {

    private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000L);

    private SessionStore sessions;
    private UserStore users;

    @Override
    protected void createStores(Stores stores) {
        sessions = stores.sessions();
        users = stores.users();
    }

    private String newUserId() {
        String id = UUID.randomUUID().toString();
        users.create(new NewUser(id, id + "@example.com", "Sam", "h", T0));
        return id;
    }

    private Session newSession(String userId, Instant expiresAt) {
        Session session = new Session(UUID.randomUUID().toString(), userId, T0, expiresAt);
        sessions.create(session);
        return session;
    }

    @Test
    void findsACreatedSession() {
        Session session = newSession(newUserId(), T0.plusSeconds(60));
        assertEquals(session, sessions.find(session.id()).orElseThrow());
    }

    @Test
    void deletedSessionIsGoneAndDeletingAgainReportsNothing() {
        Session session = newSession(newUserId(), T0.plusSeconds(60));
        assertTrue(sessions.delete(session.id()));
        assertTrue(sessions.find(session.id()).isEmpty());
        assertFalse(sessions.delete(session.id()));
    }

    @Test
    void revokesEveryOtherSessionOfTheUserButNotOtherUsers() {
        String user = newUserId();
        Session kept = newSession(user, T0.plusSeconds(60));
        Session other1 = newSession(user, T0.plusSeconds(60));
        Session other2 = newSession(user, T0.plusSeconds(60));
        Session stranger = newSession(newUserId(), T0.plusSeconds(60));

        assertEquals(2, sessions.deleteAllOfUserExcept(user, kept.id()));

        assertTrue(sessions.find(kept.id()).isPresent());
        assertTrue(sessions.find(other1.id()).isEmpty());
        assertTrue(sessions.find(other2.id()).isEmpty());
        assertTrue(sessions.find(stranger.id()).isPresent());
    }

    @Test
    void removesOnlyExpiredSessions() {
        String user = newUserId();
        Session expired = newSession(user, T0.plusSeconds(10));
        Session live = newSession(user, T0.plusSeconds(1000));
        sessions.deleteExpired(T0.plusSeconds(10));
        assertTrue(sessions.find(expired.id()).isEmpty());
        assertTrue(sessions.find(live.id()).isPresent());
    }

    @Test
    void refusesASessionForAUserThatDoesNotExist() {
        assertThrows(StorageException.class, () -> newSession("no-such-user", T0.plusSeconds(60)));
    }
}
