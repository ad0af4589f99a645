package echos.auth;

import echos.storage.PostgresTestDatabase;
import echos.storage.TestDatabase;

class PostgresResetTokenStoreTest extends ResetTokenStoreContract {
    @Override
    protected TestDatabase openDatabase() {
        return PostgresTestDatabase.create();
    }
}
