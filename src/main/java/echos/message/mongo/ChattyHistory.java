package echos.message.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import echos.conversation.ConversationStore;
import echos.storage.mongo.MongoErrors;
import echos.storage.mongo.MongoDocs;
import echos.storage.mongo.MongoIds;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jboss.logging.Logger;

/**
 * Brings the 1:1 history Chatty wrote into Echos' model at start: each Chatty message (it has a {@code senderId} and
 * a {@code receiverId} but no {@code conversationId}) gets the direct conversation of its two users and the next seq
 * there, oldest first ({@code createdAt}, then {@code _id}). Only fields are added, Chatty's stay as they were, so
 * Chatty can still read everything. One message at a time, each only if still unmapped: a crash part-way loses
 * nothing and the next start carries on, and a second start changes nothing.
 */
public final class ChattyHistory {

    private static final Logger LOG = Logger.getLogger(ChattyHistory.class);

    private final MongoCollection<Document> messages;
    private final MongoMessageStore store;
    private final ConversationStore conversationStore;

    public ChattyHistory(MongoDatabase database, MongoMessageStore store, ConversationStore conversationStore) {
        this.messages = database.getCollection(MongoMessageStore.MESSAGES);
        this.store = store;
        this.conversationStore = conversationStore;
    }

    /** @return how many messages were mapped by this call */
    public int mapUnmapped() {
        int mapped = 0;
        for (Document chatty : messages.find(and(exists("conversationId", false), exists("senderId"), exists("receiverId")))
                .sort(Sorts.ascending("createdAt", "_id")).projection(Projections.include("_id", "senderId", "receiverId", "createdAt"))) {
            if (map(chatty)) {
                mapped++;
            }
        }
        if (mapped > 0) {
            LOG.infof("event=chatty_history_mapped messages=%d", mapped);
        }
        return mapped;
    }

    private boolean map(Document chatty) {
        String sender = MongoIds.fromBson(chatty.get("senderId"));
        String receiver = MongoIds.fromBson(chatty.get("receiverId"));
        Date createdAt = chatty.getDate("createdAt");
        Instant at = createdAt == null ? Instant.EPOCH : createdAt.toInstant();
        Object conversationId = MongoIds.toBson(conversationStore.findOrCreateDirect(new ObjectId().toHexString(), sender, receiver, at)
                .conversation().id());
        String clientId = "chatty-" + MongoIds.fromBson(chatty.get("_id"));
        while (true) {
            long seq = store.highestSeq(conversationId) + 1;
            try {
                boolean changed = messages.updateOne(and(eq("_id", chatty.get("_id")), exists("conversationId", false)),
                        Updates.combine(Updates.set("conversationId", conversationId), Updates.set("seq", seq), Updates.set("clientId", clientId),
                                Updates.set("clientKey", MongoMessageStore.clientKey(sender, clientId)))).getModifiedCount() > 0;
                if (changed) {
                    store.advanceConversation(conversationId, seq, Date.from(at), chatty.get("senderId"));
                }
                return changed;
            } catch (MongoWriteException e) {
                if (!MongoErrors.isDuplicateKey(e)) {
                    throw e;
                }
                // another node starting at the same moment took this seq: take the next
            }
        }
    }
}
