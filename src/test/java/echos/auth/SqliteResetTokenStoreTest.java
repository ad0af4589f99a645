package echos.auth;

import echos.storage.SqliteTestDatabase;
import echos.storage.TestDatabase;

class SqliteResetTokenStoreTest extends ResetTokenStoreContract {
    @Override
    protected TestDatabase openDatabase() {
        return SqliteTestDatabase.create();
    }
}
