package echos.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echos.storage.Jdbc;
import echos.storage.SqliteTestDatabase;
import echos.storage.Stores;
import echos.storage.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token check's sessions over a real SQLite store: read once, and each kind of revocation forgets what it ends. */
class SessionCacheTest {

    private SqliteTestDatabase database;
    private Jdbc jdbc;
    private SessionStore store;
    private TestUsers users;
    private SessionCache cache;

    @BeforeEach
    void open() {
        database = SqliteTestDatabase.create();
        jdbc = database.jdbc();
        Stores stores = database.stores();
        store = stores.sessions();
        users = new TestUsers(stores);
        cache = new SessionCache(store, 1000, Duration.ofMinutes(1));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aSessionIsReadFromTheDatabaseOnce() {
        String id = session(users.create());
        assertTrue(cache.find(id).isPresent());
        long before = jdbc.statementsRun();
        assertEquals(id, cache.find(id).orElseThrow().id());
        assertEquals(before, jdbc.statementsRun(), "served from the cache");
    }

    @Test
    void endingOneSessionForgetsOnlyThatOne() {
        String user = users.create();
        String ended = session(user);
        String other = session(user);
        cache.find(ended);
        cache.find(other);
        store.delete(ended);
        store.delete(other); // still cached: only what an ending names is forgotten
        cache.onEnded(SessionsEnded.one(ended));
        assertEquals(Optional.empty(), cache.find(ended));
        assertTrue(cache.find(other).isPresent());
    }

    @Test
    void endingAllOfAUsersSessionsKeepsTheOneKeptAndOtherUsersSessions() {
        String user = users.create();
        String kept = session(user);
        String ended = session(user);
        String someoneElses = session(users.create());
        cache.find(kept);
        cache.find(ended);
        cache.find(someoneElses);
        store.deleteAllOfUserExcept(user, kept);
        cache.onEnded(SessionsEnded.allOf(user, kept));
        assertEquals(Optional.empty(), cache.find(ended));
        long before = jdbc.statementsRun();
        assertTrue(cache.find(kept).isPresent());
        assertTrue(cache.find(someoneElses).isPresent());
        assertEquals(before, jdbc.statementsRun(), "the kept session and another user's stayed cached");
    }

    @Test
    void aSessionThatDoesNotExistIsLookedUpEachTime() {
        String missing = UUID.randomUUID().toString();
        assertEquals(Optional.empty(), cache.find(missing));
        long before = jdbc.statementsRun();
        assertEquals(Optional.empty(), cache.find(missing));
        assertTrue(jdbc.statementsRun() > before);
    }

    private String session(String userId) {
        String id = UUID.randomUUID().toString();
        store.create(new Session(id, userId, Instant.now(), Instant.now().plus(Duration.ofDays(1))));
        return id;
    }
}
