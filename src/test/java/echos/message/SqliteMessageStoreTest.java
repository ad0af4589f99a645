package echos.message;

import echos.storage.SqliteTestDatabase;
import echos.storage.TestDatabase;

class SqliteMessageStoreTest extends MessageStoreContract {
    @Override
    protected TestDatabase openDatabase() {
        return SqliteTestDatabase.create();
    }
}
