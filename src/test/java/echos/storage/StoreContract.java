package echos.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the storage contract suites: opens one migrated database for the class (SQLite or PostgreSQL, chosen by
 * the backend subclass), hands that backend's {@link Stores} to the suite, and drops it afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreContract {

    private TestDatabase database;

    /** Which backend: implemented by the small per-database subclasses. */
    protected abstract TestDatabase openDatabase();

    /** Builds the stores under test on the freshly migrated database. */
    protected abstract void createStores(Stores stores);

    @BeforeAll
    void openStorage() {
        database = openDatabase();
        createStores(database.stores());
    }

    @AfterAll
    void closeStorage() {
        database.close();
    }
}
