package echos.media;

import echos.storage.MongoTestDatabase;
import echos.storage.TestDatabase;

class MongoMediaStoreTest extends MediaStoreContract {
    @Override
    protected TestDatabase openDatabase() {
        return MongoTestDatabase.create();
    }
}
