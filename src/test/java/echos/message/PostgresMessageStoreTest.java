package echos.message;

import echos.storage.PostgresTestDatabase;
import echos.storage.TestDatabase;

class PostgresMessageStoreTest extends MessageStoreContract {
    @Override
    protected TestDatabase openDatabase() {
        return PostgresTestDatabase.create();
    }
}
