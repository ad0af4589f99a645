package echos.media;

import echos.storage.PostgresTestDatabase;
import echos.storage.TestDatabase;

class PostgresMediaStoreTest extends MediaStoreContract {
    @Override
    protected TestDatabase openDatabase() {
        return PostgresTestDatabase.create();
    }
}
