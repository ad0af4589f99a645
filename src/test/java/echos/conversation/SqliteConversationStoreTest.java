package echos.conversation;

import echos.storage.SqliteTestDatabase;
import echos.storage.TestDatabase;

class SqliteConversationStoreTest extends ConversationStoreContract {
    @Override
    protected TestDatabase openDatabase() {
        return SqliteTestDatabase.create();
    }
}
