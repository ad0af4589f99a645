package echos.auth.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import echos.auth.Session;
import echos.auth.SessionStore;
import echos.storage.StorageException;
import echos.storage.mongo.MongoIds;
import echos.storage.mongo.MongoUserRefs;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/** {@link SessionStore} over the {@code sessions} collection: {@code _id} the session id, {@code userId} its user. */
public class MongoSessionStore implements SessionStore {

    private final MongoCollection<Document> sessions;
    private final MongoUserRefs userRefs;

    public MongoSessionStore(MongoDatabase database, MongoUserRefs userRefs) {
        this.sessions = database.getCollection("sessions");
        this.userRefs = userRefs;
        sessions.createIndex(Indexes.ascending("userId"), new IndexOptions().name("echos_sessions_user"));
        sessions.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().name("echos_sessions_expires"));
    }

    @Override
    public void create(Session session) {
        userRefs.requireUser(session.userId());
        try {
            sessions.insertOne(new Document("_id", MongoIds.toBson(session.id()))
                    .append("userId", MongoIds.toBson(session.userId()))
                    .append("createdAt", Date.from(session.createdAt()))
                    .append("expiresAt", Date.from(session.expiresAt())));
        } catch (MongoWriteException e) {
            throw new StorageException("insert session failed", e);
        }
    }

    @Override
    public Optional<Session> find(String id) {
        return Optional.ofNullable(sessions.find(eq("_id", MongoIds.toBson(id))).first()).map(MongoSessionStore::session);
    }

    @Override
    public boolean delete(String id) {
        return sessions.deleteOne(eq("_id", MongoIds.toBson(id))).getDeletedCount() > 0;
    }

    @Override
    public int deleteAllOfUserExcept(String userId, String keptSessionId) {
        return (int) sessions.deleteMany(and(eq("userId", MongoIds.toBson(userId)), ne("_id", MongoIds.toBson(keptSessionId))))
                .getDeletedCount();
    }

    @Override
    public int deleteAllOfUser(String userId) {
        return (int) sessions.deleteMany(eq("userId", MongoIds.toBson(userId))).getDeletedCount();
    }

    @Override
    public int deleteExpired(Instant now) {
        return (int) sessions.deleteMany(lte("expiresAt", Date.from(now))).getDeletedCount();
    }

    private static Session session(Document doc) {
        return new Session(MongoIds.fromBson(doc.get("_id")), MongoIds.fromBson(doc.get("userId")),
                doc.getDate("createdAt").toInstant(), doc.getDate("expiresAt").toInstant());
    }
}
