package echos.conversation;

import echos.storage.PostgresTestDatabase;
import echos.storage.TestDatabase;

class PostgresConversationStoreTest extends ConversationStoreContract {
    @Override
    protected TestDatabase openDatabase() {
        return PostgresTestDatabase.create();
    }
}
