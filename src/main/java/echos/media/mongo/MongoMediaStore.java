package echos.media.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import echos.media.Media;
import echos.media.MediaKind;
import echos.media.MediaStore;
import echos.storage.mongo.MongoIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** {@link MediaStore} on MongoDB: collection {@code media}, one document per upload. */
public class MongoMediaStore implements MediaStore {

    private final MongoCollection<Document> media;
    private final MongoCollection<Document> messages;
    private final MongoCollection<Document> conversations;

    public MongoMediaStore(MongoDatabase database) {
        this.media = database.getCollection("media");
        this.messages = database.getCollection("messages");
        this.conversations = database.getCollection("conversations");
        media.createIndex(Indexes.ascending("attachedAt", "createdAt"), new IndexOptions().name("echos_unattached"));
        media.createIndex(Indexes.ascending("ownerId", "kind", "createdAt"), new IndexOptions().name("echos_owner_kind"));
    }

    @Override
    public void create(Media m) {
        media.insertOne(new Document("_id", MongoIds.toBson(m.id())).append("ownerId", MongoIds.toBson(m.ownerId())).append("kind", m.kind().json())
                .append("contentType", m.contentType()).append("width", m.width()).append("height", m.height()).append("size", m.size())
                .append("url", m.url()).append("thumbnailUrl", m.thumbnailUrl()).append("createdAt", Date.from(m.createdAt()))
                .append("attachedAt", m.attachedAt() == null ? null : Date.from(m.attachedAt())));
    }

    @Override
    public Optional<Media> find(String id) {
        return Optional.ofNullable(media.find(eq("_id", MongoIds.toBson(id))).first()).map(MongoMediaStore::media);
    }

    @Override
    public boolean attach(String id, Instant now) {
        return media.updateOne(and(eq("_id", MongoIds.toBson(id)), eq("attachedAt", null)), Updates.set("attachedAt", Date.from(now)))
                .getModifiedCount() > 0;
    }

    @Override
    public void delete(String id) {
        media.deleteOne(eq("_id", MongoIds.toBson(id)));
    }

    @Override
    public List<Media> unattachedBefore(Instant cutoff, int limit) {
        List<Media> out = new ArrayList<>();
        media.find(and(eq("attachedAt", null), lt("createdAt", Date.from(cutoff)))).sort(Sorts.ascending("createdAt")).limit(limit)
                .forEach(d -> out.add(media(d)));
        return out;
    }

    @Override
    public boolean postedWhereMember(String mediaId, String userId) {
        List<Object> conversationIds = new ArrayList<>();
        messages.find(eq("imageId", MongoIds.toBson(mediaId))).projection(Projections.include("conversationId"))
                .forEach(d -> conversationIds.add(d.get("conversationId")));
        return !conversationIds.isEmpty() && conversations.find(and(in("_id", conversationIds), eq("members.userId", MongoIds.toBson(userId))))
                .projection(Projections.include("_id")).first() != null;
    }

    @Override
    public List<Media> ofOwner(String ownerId, MediaKind kind) {
        List<Media> out = new ArrayList<>();
        media.find(and(eq("ownerId", MongoIds.toBson(ownerId)), eq("kind", kind.json()))).sort(Sorts.ascending("createdAt"))
                .forEach(d -> out.add(media(d)));
        return out;
    }

    private static Media media(Document d) {
        Date attached = d.getDate("attachedAt");
        return new Media(MongoIds.fromBson(d.get("_id")), MongoIds.fromBson(d.get("ownerId")), MediaKind.valueOf(d.getString("kind").toUpperCase()),
                d.getString("contentType"), ((Number) d.get("width")).intValue(), ((Number) d.get("height")).intValue(),
                ((Number) d.get("size")).longValue(), d.getString("url"), d.getString("thumbnailUrl"), d.getDate("createdAt").toInstant(),
                attached == null ? null : attached.toInstant());
    }
}
