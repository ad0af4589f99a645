package echos.storage.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CountOptions;
import echos.storage.StorageException;
import org.bson.Document;

/**
 * What SQL's foreign keys to {@code users} do, for documents that point at a user: a reference to a user that does
 * not exist is refused. Users are never deleted, so checking before the insert leaves no gap.
 */
public final class MongoUserRefs {

    public static final String USERS = "users";

    private final MongoCollection<Document> users;

    public MongoUserRefs(MongoDatabase database) {
        this.users = database.getCollection(USERS);
    }

    /** @throws StorageException when no user has the id, as a violated foreign key does on SQL */
    public void requireUser(String userId) {
        if (users.countDocuments(eq("_id", MongoIds.toBson(userId)), new CountOptions().limit(1)) == 0) {
            throw new StorageException("no such user: " + userId, null);
        }
    }
}
