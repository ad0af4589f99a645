package echos.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** "Acknowledged only once stored" must survive power loss: the app's own SQLite pool syncs every commit. */
@QuarkusTest
class SqliteDurabilityTest {

    @Inject
    Jdbc jdbc;

    @Test
    void everyPooledConnectionSyncsCommitsToDisk() {
        for (int i = 0; i < 10; i++) {
            // PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
            assertEquals(2, jdbc.one("PRAGMA synchronous", rs -> rs.getInt(1)).orElseThrow());
            assertEquals("wal", jdbc.one("PRAGMA journal_mode", rs -> rs.getString(1)).orElseThrow());
        }
    }
}
