package echos.auth.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import echos.auth.ResetToken;
import echos.auth.ResetTokenStore;
import echos.storage.StorageException;
import echos.storage.mongo.MongoIds;
import echos.storage.mongo.MongoUserRefs;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * {@link ResetTokenStore} over the {@code reset_tokens} collection: {@code _id} the token hash, {@code usedAt} null
 * until used. Using a token is one atomic findOneAndUpdate on its document, so no transaction is needed for
 * single use.
 */
public class MongoResetTokenStore implements ResetTokenStore {

    private final MongoCollection<Document> tokens;
    private final MongoUserRefs userRefs;

    public MongoResetTokenStore(MongoDatabase database, MongoUserRefs userRefs) {
        this.tokens = database.getCollection("reset_tokens");
        this.userRefs = userRefs;
        tokens.createIndex(Indexes.ascending("userId"), new IndexOptions().name("echos_reset_tokens_user"));
    }

    @Override
    public void create(ResetToken token) {
        userRefs.requireUser(token.userId());
        try {
            tokens.insertOne(new Document("_id", token.tokenHash())
                    .append("userId", MongoIds.toBson(token.userId()))
                    .append("createdAt", Date.from(token.createdAt()))
                    .append("expiresAt", Date.from(token.expiresAt()))
                    .append("usedAt", null));
        } catch (MongoWriteException e) {
            throw new StorageException("insert reset token failed", e);
        }
    }

    @Override
    public void invalidateAllOf(String userId) {
        tokens.deleteMany(and(eq("userId", MongoIds.toBson(userId)), eq("usedAt", null)));
    }

    @Override
    public Optional<String> consume(String tokenHash, Instant now) {
        Date at = Date.from(now);
        Document used = tokens.findOneAndUpdate(and(eq("_id", tokenHash), eq("usedAt", null), gt("expiresAt", at)), set("usedAt", at),
                new FindOneAndUpdateOptions().projection(Projections.include("userId")));
        return Optional.ofNullable(used).map(doc -> MongoIds.fromBson(doc.get("userId")));
    }
}
