package echos.user;

import echos.storage.SqliteTestDatabase;
import echos.storage.TestDatabase;

class SqliteUserStoreTest extends UserStoreContract {
    @Override
    protected TestDatabase openDatabase() {
        return SqliteTestDatabase.create();
    }
}
