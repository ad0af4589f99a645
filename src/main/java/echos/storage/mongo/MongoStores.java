package echos.storage.mongo;

import com.mongodb.client.MongoDatabase;
import echos.auth.ResetTokenStore;
import echos.auth.SessionStore;
import echos.auth.mongo.MongoResetTokenStore;
import echos.auth.mongo.MongoSessionStore;
import echos.conversation.ConversationStore;
import echos.media.MediaStore;
import echos.message.MessageStore;
import echos.storage.Stores;
import echos.user.UserStore;
import echos.user.mongo.MongoUserStore;
import java.time.Clock;

/**
 * The MongoDB family over one database. Building it creates every index its stores query by (createIndex is a
 * no-op when the index already exists). Not built yet: {@link #conversations()}, {@link #messages()} and
 * {@link #media()} throw {@link UnsupportedOperationException}; the production start-up refuses MONGO_URI until
 * they exist.
 */
public final class MongoStores implements Stores {

    private final UserStore users;
    private final SessionStore sessions;
    private final ResetTokenStore resetTokens;

    public MongoStores(MongoDatabase database) {
        this(database, Clock.systemUTC());
    }

    public MongoStores(MongoDatabase database, Clock clock) {
        MongoUserRefs userRefs = new MongoUserRefs(database);
        this.users = new MongoUserStore(database, clock);
        this.sessions = new MongoSessionStore(database, userRefs);
        this.resetTokens = new MongoResetTokenStore(database, userRefs);
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
        throw new UnsupportedOperationException("not built yet: MongoDB conversation store");
    }

    @Override
    public MessageStore messages() {
        throw new UnsupportedOperationException("not built yet: MongoDB message store");
    }

    @Override
    public MediaStore media() {
        throw new UnsupportedOperationException("not built yet: MongoDB media store");
    }
}
