package echos.storage.mongo;

import com.mongodb.client.MongoDatabase;
import echos.auth.ResetTokenStore;
import echos.auth.SessionStore;
import echos.auth.mongo.MongoResetTokenStore;
import echos.auth.mongo.MongoSessionStore;
import echos.conversation.ConversationStore;
import echos.media.MediaStore;
import echos.message.MessageStore;
import echos.conversation.mongo.MongoConversationStore;
import echos.media.mongo.MongoMediaStore;
import echos.message.mongo.MongoMessageStore;
import echos.storage.Stores;
import echos.user.UserStore;
import echos.user.mongo.MongoUserStore;
import java.time.Clock;

/**
 * The MongoDB family over one database. Building it creates every index its stores query by (createIndex is a
 * no-op when the index already exists). The production start-up still refuses MONGO_URI: the family is tested
 * through the contract suites only, not yet wired into the running application.
 */
public final class MongoStores implements Stores {

    private final UserStore users;
    private final SessionStore sessions;
    private final ResetTokenStore resetTokens;
    private final ConversationStore conversations;
    private final MessageStore messages;
    private final MediaStore media;

    public MongoStores(MongoDatabase database) {
        this(database, Clock.systemUTC());
    }

    public MongoStores(MongoDatabase database, Clock clock) {
        MongoUserRefs userRefs = new MongoUserRefs(database);
        this.users = new MongoUserStore(database, clock);
        this.sessions = new MongoSessionStore(database, userRefs);
        this.resetTokens = new MongoResetTokenStore(database, userRefs);
        this.conversations = new MongoConversationStore(database);
        this.messages = new MongoMessageStore(database);
        this.media = new MongoMediaStore(database);
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public ResetTokenStore resetTokens() {
        return resetTokens;
    }

    @Override
    public ConversationStore conversations() {
        return conversations;
    }

    @Override
    public MessageStore messages() {
        return messages;
    }

    @Override
    public MediaStore media() {
        return media;
    }
}
