package echos.auth;

import echos.storage.PostgresTestDatabase;
import echos.storage.TestDatabase;

class PostgresSessionStoreTest extends SessionStoreContract {
    @Override
    protected TestDatabase openDatabase() {
        return PostgresTestDatabase.create();
    }
}
