package echos.search.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.TextSearchOptions;
import echos.message.mongo.MongoMessageStore;
import echos.search.MessageSearch;
import echos.search.SearchCursor;
import echos.storage.mongo.MongoDocs;
import echos.storage.mongo.MongoIds;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.jboss.logging.Logger;

/**
 * {@link MessageSearch} on MongoDB. On a real MongoDB it uses the text index echos_text on messages.text (language
 * "none": no stemming, no stop words, any language) through {@code $text}, ranked by textScore; MongoDB's text
 * search matches whole words only, not prefixes. A server without {@code $text} (the in-memory stand-in the tests
 * use) gets word-prefix regular expressions instead, every match scoring 0, so newest first; {@link #usesTextIndex}
 * says which. Membership: the user's conversations are read first and the messages queried within them.
 */
public class MongoMessageSearch implements MessageSearch {

    static final String TEXT_INDEX = "echos_text";

    private final MongoCollection<Document> messages;
    private final MongoCollection<Document> conversations;
    private static final Logger LOG = Logger.getLogger(MongoMessageSearch.class);
    private static final int BAD_VALUE = 2;
    private static final int INDEX_NOT_FOUND = 27;

    private volatile boolean textIndex;

    public MongoMessageSearch(MongoDatabase database) {
        this.messages = database.getCollection(MongoMessageStore.MESSAGES);
        this.conversations = database.getCollection("conversations");
        this.textIndex = createTextIndex();
    }

    /** Whether queries go through the text index ($text) rather than regular expressions (false once a $text query was refused). */
    public boolean usesTextIndex() {
        return textIndex;
    }

    private boolean createTextIndex() {
        try {
            messages.createIndex(Indexes.text("text"), new IndexOptions().name(TEXT_INDEX).defaultLanguage("none")
                    .languageOverride("echosTextLanguage"));
            return true;
        } catch (MongoCommandException e) {
            LOG.warnf("search.mongo.text_index_refused code=%d: searching with regular expressions", e.getErrorCode());
            return false;
        }
    }

    @Override
    public List<Found> search(Query query) {
        if (textIndex) {
            try {
                return search(query, true);
            } catch (MongoCommandException e) {
                // a server without $text (the in-memory stand-in) or without the index only says so once a document is tested
                if (e.getErrorCode() != BAD_VALUE && e.getErrorCode() != INDEX_NOT_FOUND) {
                    throw e;
                }
                LOG.warnf("search.mongo.text_unavailable code=%d: searching with regular expressions from now on", e.getErrorCode());
                textIndex = false;
            }
        }
        return search(query, false);
    }

    private List<Found> search(Query query, boolean textIndex) {
        Bson member = eq("members.userId", MongoIds.toBson(query.userId()));
        Bson scope = query.conversationId() == null ? member : and(member, eq("_id", MongoIds.toBson(query.conversationId())));
        List<Object> conversationIds = new ArrayList<>();
        conversations.find(scope).projection(Projections.include("_id")).forEach(d -> conversationIds.add(d.get("_id")));
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        Bson inTheirs = and(in("conversationId", conversationIds), eq("deletedAt", null));
        List<Bson> pipeline = new ArrayList<>();
        if (textIndex) {
            String phrases = query.terms().stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(" "));
            pipeline.add(Aggregates.match(and(Filters.text(phrases, new TextSearchOptions().language("none")), inTheirs)));
            pipeline.add(Aggregates.addFields(new com.mongodb.client.model.Field<>("score", new Document("$meta", "textScore"))));
        } else {
            List<Bson> words = new ArrayList<>(List.of(inTheirs));
            query.terms().forEach(t -> words.add(Filters.regex("text", "(?<![\\p{L}\\p{N}\\p{M}])" + t, "i")));
            pipeline.add(Aggregates.match(and(words)));
            pipeline.add(Aggregates.addFields(new com.mongodb.client.model.Field<>("score", 0.0)));
        }
        if (query.after() != null) {
            pipeline.add(Aggregates.match(after(query.after())));
        }
        pipeline.add(Aggregates.sort(Sorts.descending("score", "createdAt", "_id")));
        pipeline.add(Aggregates.limit(query.limit()));
        List<Found> found = new ArrayList<>();
        messages.aggregate(pipeline).forEach(d -> found.add(new Found(MongoIds.fromBson(d.get("conversationId")), MongoIds.fromBson(d.get("_id")),
                MongoDocs.longOf(d, "seq"), MongoIds.fromBson(d.get("senderId")), d.getDate("createdAt").toInstant(), d.getString("text"),
                d.get("score") instanceof Number n ? n.doubleValue() : 0)));
        return found;
    }

    /** Strictly after the cursor in the (score, createdAt, _id) descending order. */
    private static Bson after(SearchCursor cursor) {
        Date at = new Date(cursor.createdAtMillis());
        Object id = MongoIds.toBson(cursor.messageId());
        // descending, ObjectIds sort above strings: after an ObjectId come lower ObjectIds, then every string id
        Bson idAfter = id instanceof ObjectId ? or(lt("_id", id), Filters.type("_id", BsonType.STRING)) : lt("_id", id);
        return or(lt("score", cursor.score()), and(eq("score", cursor.score()), lt("createdAt", at)),
                and(eq("score", cursor.score()), eq("createdAt", at), idAfter));
    }
}
