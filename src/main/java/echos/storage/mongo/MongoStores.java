package echos.storage.mongo;

import com.mongodb.client.MongoDatabase;
import echos.auth.mongo.MongoResetTokenStore;
import echos.auth.mongo.MongoSessionStore;
import echos.conversation.mongo.MongoConversationStore;
import echos.media.mongo.MongoMediaStore;
import echos.message.mongo.MongoMessageStore;
import echos.storage.Stores;
import echos.user.mongo.MongoUserStore;
import java.time.Clock;

/**
 * The MongoDB family over one database. Building it creates every index its stores query by (createIndex is a
 * no-op when the index already exists) and gives users Chatty wrote Echos' lookup keys.
 */
public final class MongoStores {

    private MongoStores() {
    }

    public static Stores over(MongoDatabase database) {
        return over(database, Clock.systemUTC());
    }

    public static Stores over(MongoDatabase database, Clock clock) {
        MongoUserRefs userRefs = new MongoUserRefs(database);
        return new Stores(new MongoUserStore(database, clock), new MongoSessionStore(database, userRefs),
                new MongoResetTokenStore(database, userRefs), new MongoConversationStore(database), new MongoMessageStore(database),
                new MongoMediaStore(database));
    }
}
