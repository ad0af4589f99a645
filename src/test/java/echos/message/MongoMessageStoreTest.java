package echos.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import echos.storage.MongoTestDatabase;
import echos.storage.TestDatabase;
import echos.storage.mongo.MongoIds;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MongoMessageStoreTest extends MessageStoreContract {

    private MongoTestDatabase database;

    @Override
    protected TestDatabase openDatabase() {
        database = MongoTestDatabase.create();
        return database;
    }

    /**
     * Without transactions a node can die between storing a message and raising the conversation's lastSeq; the
     * next send must still take the next free number, not collide forever or leave a hole.
     */
    @Test
    void aConversationCounterLeftBehindByACrashIsCaughtUpOnTheNextSend() {
        var stores = database.stores();
        String a = stores.users().create(new echos.user.NewUser(UUID.randomUUID().toString(), UUID.randomUUID() + "@example.com", "A", "h",
                Instant.EPOCH)).id();
        String b = stores.users().create(new echos.user.NewUser(UUID.randomUUID().toString(), UUID.randomUUID() + "@example.com", "B", "h",
                Instant.EPOCH)).id();
        String chat = stores.conversations().findOrCreateDirect(UUID.randomUUID().toString(), a, b, Instant.EPOCH).conversation().id();
        for (int i = 1; i <= 3; i++) {
            stores.messages().append(new NewMessage(UUID.randomUUID().toString(), chat, a, "c" + i, "m" + i, Instant.EPOCH, null));
        }
        MongoDatabase db = database.database();
        db.getCollection("conversations").updateOne(Filters.eq("_id", MongoIds.toBson(chat)), Updates.set("lastSeq", 1L));

        Message next = stores.messages().append(new NewMessage(UUID.randomUUID().toString(), chat, b, "c4", "m4", Instant.EPOCH, null)).message();
        assertEquals(4, next.seq());
        assertEquals(4, stores.conversations().find(chat).orElseThrow().lastSeq());
    }
}
