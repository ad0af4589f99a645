package echos.user;

import echos.storage.MongoTestDatabase;
import echos.storage.TestDatabase;

class MongoUserStoreTest extends UserStoreContract {
    @Override
    protected TestDatabase openDatabase() {
        return MongoTestDatabase.create();
    }
}
