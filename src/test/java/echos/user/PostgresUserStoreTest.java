package echos.user;

import echos.storage.PostgresTestDatabase;
import echos.storage.TestDatabase;

class PostgresUserStoreTest extends UserStoreContract {
    @Override
    protected TestDatabase openDatabase() {
        return PostgresTestDatabase.create();
    }
}
