package echos.media;

import echos.storage.SqliteTestDatabase;
import echos.storage.TestDatabase;

class SqliteMediaStoreTest extends MediaStoreContract {
    @Override
    protected TestDatabase openDatabase() {
        return SqliteTestDatabase.create();
    }
}
