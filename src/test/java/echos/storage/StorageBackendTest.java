package echos.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StorageBackendTest {

    @Test
    void neitherSettingMeansTheEmbeddedSqlite() {
        assertEquals(StorageBackend.SQLITE, StorageBackend.choose(null, null, null));
        assertEquals(StorageBackend.SQLITE, StorageBackend.choose("  ", "", null));
    }

    @Test
    void databaseUrlMeansPostgresqlAndEitherMongoNameMeansMongodb() {
        assertEquals(StorageBackend.POSTGRESQL, StorageBackend.choose("postgres://db/echos", null, null));
        assertEquals(StorageBackend.MONGODB, StorageBackend.choose(null, "mongodb://db/echos", null));
        assertEquals(StorageBackend.MONGODB, StorageBackend.choose(null, null, "mongodb://db/echos"));
        assertEquals(StorageBackend.MONGODB, StorageBackend.choose(null, "mongodb://db/echos", "mongodb://db/echos"));
    }

    @Test
    void contradictorySettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> StorageBackend.choose("postgres://db/echos", "mongodb://db/echos", null));
        assertThrows(IllegalArgumentException.class, () -> StorageBackend.choose("postgres://db/echos", null, "mongodb://db/echos"));
        assertThrows(IllegalArgumentException.class, () -> StorageBackend.choose(null, "mongodb://a/x", "mongodb://b/y"));
    }
}
