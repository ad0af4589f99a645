package echos.storage.mongo;

import com.mongodb.client.MongoDatabase;
import echos.auth.mongo.MongoResetTokenStore;
import echos.auth.mongo.MongoSessionStore;
import echos.conversation.mongo.MongoConversationStore;
import echos.media.mongo.MongoMediaStore;
import echos.message.mongo.ChattyHistory;
import echos.message.mongo.MongoMessageStore;
import echos.storage.Stores;
import echos.user.mongo.MongoUserStore;
import java.time.Clock;

/**
 * The MongoDB family over one database. Building it creates every index its stores query by (createIndex is a
 * no-op when the index already exists), gives users Chatty wrote Echos' lookup keys and maps Chatty's 1:1 history
 * into direct conversations ({@link ChattyHistory}).
 */
public final class MongoStores {

    private MongoStores() {
    }

    public static Stores over(MongoDatabase database) {
        return over(database, Clock.systemUTC());
    }

    public static Stores over(MongoDatabase database, Clock clock) {
        MongoUserRefs userRefs = new MongoUserRefs(database);
        MongoConversationStore conversations = new MongoConversationStore(database);
        MongoMessageStore messages = new MongoMessageStore(database);
        Stores stores = new Stores(new MongoUserStore(database, clock), new MongoSessionStore(database, userRefs),
                new MongoResetTokenStore(database, userRefs), conversations, messages, new MongoMediaStore(database));
        new ChattyHistory(database, messages, conversations).mapUnmapped();
        return stores;
    }
}
