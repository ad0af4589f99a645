package echos.auth;

import echos.storage.SqliteTestDatabase;
import echos.storage.TestDatabase;

class SqliteSessionStoreTest extends SessionStoreContract {
    @Override
    protected TestDatabase openDatabase() {
        return SqliteTestDatabase.create();
    }
}
