package echos.auth;

import echos.storage.MongoTestDatabase;
import echos.storage.TestDatabase;

class MongoSessionStoreTest extends SessionStoreContract {
    @Override
    protected TestDatabase openDatabase() {
        return MongoTestDatabase.create();
    }
}
