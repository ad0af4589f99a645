package echos.conversation;

import echos.storage.MongoTestDatabase;
import echos.storage.TestDatabase;

class MongoConversationStoreTest extends ConversationStoreContract {
    @Override
    protected TestDatabase openDatabase() {
        return MongoTestDatabase.create();
    }
}
