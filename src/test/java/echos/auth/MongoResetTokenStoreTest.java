package echos.auth;

import echos.storage.MongoTestDatabase;
import echos.storage.TestDatabase;

class MongoResetTokenStoreTest extends ResetTokenStoreContract {
    @Override
    protected TestDatabase openDatabase() {
        return MongoTestDatabase.create();
    }
}
