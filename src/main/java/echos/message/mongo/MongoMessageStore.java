package echos.message.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import echos.storage.mongo.MongoErrors;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import echos.message.Message;
import echos.message.MessageStore;
import echos.message.NewMessage;
import echos.message.ReactionRows;
import echos.storage.StorageException;
import echos.storage.mongo.MongoDocs;
import echos.storage.mongo.MongoIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * {@link MessageStore} on MongoDB without multi-document transactions (a standalone mongod has none). A message
 * claims its seq by being inserted under the unique (conversationId, seq) index: it takes the conversation's
 * {@code lastSeq} + 1, and when that number is already taken (a concurrent sender won, or a node died between
 * insert and counter update) it reads the highest stored seq and tries the next. A seq therefore exists only for a
 * stored message, and each is one more than the highest before it: gap-free. The conversation's {@code lastSeq} is
 * raised with {@code $max} after the insert. Edits and deletes claim their change number the same way, in
 * {@code message_changes}. Messages keep Chatty's field names ({@code senderId}, {@code receiverId} in direct
 * conversations, {@code text}, {@code image} as a URL, {@code createdAt}, {@code __v}) so Chatty can read them too.
 * Reactions live in the message as {@code reactions: [{emoji, userId, at}]}; {@code reactionsRev} counts their changes so
 * that a change applies only to the reactions it was checked against (the limits hold without a transaction).
 */
public class MongoMessageStore implements MessageStore {

    public static final String MESSAGES = "messages";
    static final String CHANGES = "message_changes";
    private static final int MAX_ATTEMPTS = 1000;

    private final MongoCollection<Document> messages;
    private final MongoCollection<Document> changes;
    private final MongoCollection<Document> conversations;
    private final MongoCollection<Document> media;

    public MongoMessageStore(MongoDatabase database) {
        this.messages = database.getCollection(MESSAGES);
        this.changes = database.getCollection(CHANGES);
        this.conversations = database.getCollection("conversations");
        this.media = database.getCollection("media");
        // Sparse, so messages Chatty wrote stay out: a sparse compound index leaves out only documents that have none
        // of its fields, hence clientKey (sender:clientId, Echos' own field) rather than Chatty's senderId in the key.
        messages.createIndex(Indexes.ascending("conversationId", "seq"), new IndexOptions().name("echos_conversation_seq").unique(true)
                .sparse(true));
        messages.createIndex(Indexes.ascending("conversationId", "clientKey"), new IndexOptions().name("echos_conversation_client")
                .unique(true).sparse(true));
        messages.createIndex(Indexes.ascending("imageId"), new IndexOptions().name("echos_image").sparse(true));
        changes.createIndex(Indexes.ascending("conversationId", "changeSeq"), new IndexOptions().name("echos_conversation_change").unique(true));
    }

    @Override
    public Appended append(NewMessage message) {
        Optional<Message> existing = byClientId(message);
        if (existing.isPresent()) {
            return new Appended(existing.get(), false);
        }
        Object conversationId = MongoIds.toBson(message.conversationId());
        Document conversation = conversations.find(eq("_id", conversationId)).projection(Projections.include("lastSeq", "type", "members.userId"))
                .first();
        if (conversation == null) {
            throw new StorageException("no conversation " + message.conversationId(), null);
        }
        Document doc = document(message, conversation);
        long seq = MongoDocs.longOf(conversation, "lastSeq") + 1;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            doc.put("seq", seq);
            try {
                messages.insertOne(doc);
                advanceConversation(conversationId, seq, Date.from(message.createdAt()), doc.get("senderId"));
                return new Appended(withQuotes(List.of(doc)).get(0), true);
            } catch (MongoWriteException e) {
                if (!MongoErrors.isDuplicateKey(e)) {
                    throw e;
                }
                Optional<Message> stored = byClientId(message);
                if (stored.isPresent()) {
                    return new Appended(stored.get(), false);
                }
                seq = highestSeq(conversationId) + 1;
            }
        }
        throw new StorageException("append message: no free seq after " + MAX_ATTEMPTS + " attempts", null);
    }

    @Override
    public List<Message> before(String conversationId, long beforeSeq, int limit) {
        return list(and(eq("conversationId", MongoIds.toBson(conversationId)), lt("seq", beforeSeq)), Sorts.descending("seq"), limit);
    }

    @Override
    public List<Message> after(String conversationId, long afterSeq, int limit) {
        return list(and(eq("conversationId", MongoIds.toBson(conversationId)), gt("seq", afterSeq)), Sorts.ascending("seq"), limit);
    }

    @Override
    public Optional<Message> last(String conversationId) {
        return list(eq("conversationId", MongoIds.toBson(conversationId)), Sorts.descending("seq"), 1).stream().findFirst();
    }

    @Override
    public Map<String, Message> lastOf(Collection<String> conversationIds) {
        Map<String, Message> last = new HashMap<>();
        if (conversationIds.isEmpty()) {
            return last;
        }
        List<Document> docs = new ArrayList<>();
        // sorted as the (conversationId, seq) index runs backwards, so MongoDB takes each group's first from the index
        messages.aggregate(List.of(Aggregates.match(in("conversationId", conversationIds.stream().distinct().map(MongoIds::toBson).toList())),
                Aggregates.sort(Sorts.descending("conversationId", "seq")),
                Aggregates.group("$conversationId", Accumulators.first("last", "$$ROOT"))))
                .forEach(d -> docs.add(d.get("last", Document.class)));
        withQuotes(docs).forEach(m -> last.put(m.conversationId(), m));
        return last;
    }

    @Override
    public Optional<Message> find(String conversationId, String messageId) {
        return Optional.ofNullable(messages.find(and(eq("_id", MongoIds.toBson(messageId)), eq("conversationId", MongoIds.toBson(conversationId))))
                .first()).map(this::message);
    }

    @Override
    public Optional<Message> edit(String conversationId, String messageId, String text, Instant at) {
        Object conversation = MongoIds.toBson(conversationId);
        Object id = MongoIds.toBson(messageId);
        if (messages.find(and(eq("_id", id), eq("conversationId", conversation), eq("deletedAt", null))).first() == null) {
            return Optional.empty();
        }
        long change = claimChange(conversation, id, at);
        Document edited = messages.findOneAndUpdate(and(eq("_id", id), eq("deletedAt", null)),
                Updates.combine(Updates.set("text", text), Updates.set("editedAt", Date.from(at)), Updates.set("updatedAt", Date.from(at)),
                        Updates.max("changeSeq", change)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        // deleted meanwhile: the claimed change number still lists the message, as the tombstone it now is
        return Optional.ofNullable(edited).map(this::message);
    }

    @Override
    public Optional<Deleted> delete(String conversationId, String messageId, Instant at) {
        Object conversation = MongoIds.toBson(conversationId);
        Object id = MongoIds.toBson(messageId);
        if (messages.find(and(eq("_id", id), eq("conversationId", conversation), eq("deletedAt", null))).first() == null) {
            return Optional.empty();
        }
        long change = claimChange(conversation, id, at);
        Document before = messages.findOneAndUpdate(and(eq("_id", id), eq("deletedAt", null)),
                Updates.combine(Updates.set("text", ""), Updates.unset("image"), Updates.unset("imageId"), Updates.unset("imageThumbnailUrl"),
                        Updates.unset("imageWidth"), Updates.unset("imageHeight"), Updates.unset("reactions"), Updates.inc("reactionsRev", 1),
                        Updates.set("deletedAt", Date.from(at)),
                        Updates.set("updatedAt", Date.from(at)), Updates.max("changeSeq", change)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            return Optional.empty();
        }
        Object imageId = before.get("imageId");
        return Optional.of(new Deleted(find(conversationId, messageId).orElseThrow(), imageId == null ? null : MongoIds.fromBson(imageId)));
    }

    @Override
    public Reacted react(String conversationId, String messageId, String userId, String emoji, boolean add, ReactionLimits limits,
            Instant at) {
        Object conversation = MongoIds.toBson(conversationId);
        Object id = MongoIds.toBson(messageId);
        Object user = MongoIds.toBson(userId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document current = messages.find(and(eq("_id", id), eq("conversationId", conversation), eq("deletedAt", null))).first();
            if (current == null) {
                return new Reacted(ReactionOutcome.NO_MESSAGE, null);
            }
            List<Document> reactions = current.getList("reactions", Document.class, List.of());
            boolean mine = reactions.stream().anyMatch(r -> emoji.equals(r.getString("emoji")) && user.equals(r.get("userId")));
            ReactionOutcome refused = null;
            if (add == mine) {
                refused = ReactionOutcome.UNCHANGED;
            } else if (add && reactions.stream().noneMatch(r -> emoji.equals(r.getString("emoji")))
                    && reactions.stream().map(r -> r.getString("emoji")).distinct().count() >= limits.distinctPerMessage()) {
                refused = ReactionOutcome.TOO_MANY_EMOJI;
            } else if (add && reactions.stream().filter(r -> user.equals(r.get("userId"))).count() >= limits.perUserPerMessage()) {
                refused = ReactionOutcome.TOO_MANY_FROM_USER;
            }
            if (refused != null) {
                return new Reacted(refused, message(current));
            }
            Document reaction = new Document("emoji", emoji).append("userId", user);
            org.bson.conversions.Bson change = add ? Updates.push("reactions", new Document(reaction).append("at", Date.from(at)))
                    : Updates.pull("reactions", reaction);
            // applies only if no other change came in since the read: otherwise read again and decide again
            Object rev = current.get("reactionsRev");
            if (messages.updateOne(and(eq("_id", id), eq("deletedAt", null), eq("reactionsRev", rev)),
                    Updates.combine(change, Updates.inc("reactionsRev", 1))).getMatchedCount() == 0) {
                continue;
            }
            // numbered after the reaction is stored (not before, as edits do): a refused or repeated reaction takes no number
            long changeSeq = claimChange(conversation, id, at);
            Document after = messages.findOneAndUpdate(eq("_id", id), Updates.max("changeSeq", changeSeq),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            return new Reacted(ReactionOutcome.CHANGED, message(after));
        }
        throw new StorageException("react to message: still contended after " + MAX_ATTEMPTS + " attempts", null);
    }

    @Override
    public List<Change> changesAfter(String conversationId, long afterChange, int limit) {
        List<Document> logged = new ArrayList<>();
        changes.find(and(eq("conversationId", MongoIds.toBson(conversationId)), gt("changeSeq", afterChange)))
                .sort(Sorts.ascending("changeSeq")).limit(limit).into(logged);
        Map<Object, Message> current = new HashMap<>();
        List<Document> docs = new ArrayList<>();
        messages.find(in("_id", logged.stream().map(d -> d.get("messageId")).toList())).into(docs);
        withQuotes(docs).forEach(m -> current.put(MongoIds.toBson(m.id()), m));
        List<Change> out = new ArrayList<>();
        for (Document d : logged) {
            Message m = current.get(d.get("messageId"));
            if (m != null) {
                out.add(new Change(MongoDocs.longOf(d, "changeSeq"), m));
            }
        }
        return out;
    }

    @Override
    public boolean imageInUse(String imageId) {
        return messages.find(eq("imageId", MongoIds.toBson(imageId))).projection(Projections.include("_id")).first() != null;
    }

    @Override
    public int countUnread(String conversationId, String userId, long afterSeq) {
        return (int) messages.countDocuments(and(eq("conversationId", MongoIds.toBson(conversationId)), gt("seq", afterSeq),
                ne("senderId", MongoIds.toBson(userId))));
    }

    @Override
    public Map<String, Integer> countUnread(String userId, Map<String, Long> afterSeqByConversation) {
        Map<String, Integer> unread = MessageStore.zeroCounts(afterSeqByConversation.keySet());
        if (afterSeqByConversation.isEmpty()) {
            return unread;
        }
        List<org.bson.conversions.Bson> ranges = new ArrayList<>();
        afterSeqByConversation.forEach((conversationId, afterSeq) -> ranges.add(and(eq("conversationId", MongoIds.toBson(conversationId)),
                gt("seq", afterSeq))));
        messages.aggregate(List.of(Aggregates.match(and(ne("senderId", MongoIds.toBson(userId)), or(ranges))),
                Aggregates.group("$conversationId", Accumulators.sum("unread", 1))))
                .forEach(d -> unread.put(MongoIds.fromBson(d.get("_id")), (int) MongoDocs.longOf(d, "unread")));
        return unread;
    }

    @Override
    public Map<String, Integer> countUnreadByUser(String conversationId, Map<String, Long> afterSeqByUser) {
        Map<String, Integer> unread = MessageStore.zeroCounts(afterSeqByUser.keySet());
        if (afterSeqByUser.isEmpty()) {
            return unread;
        }
        List<String> users = List.copyOf(afterSeqByUser.keySet());
        List<com.mongodb.client.model.BsonField> counts = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            // the same test as countUnread's filter: seq above the user's position, sent by someone else (or no one)
            Document unreadByUser = new Document("$and", List.of(new Document("$gt", List.of("$seq", afterSeqByUser.get(users.get(i)))),
                    new Document("$ne", List.of("$senderId", MongoIds.toBson(users.get(i))))));
            counts.add(Accumulators.sum("u" + i, new Document("$cond", List.of(unreadByUser, 1, 0))));
        }
        Document row = messages.aggregate(List.of(Aggregates.match(and(eq("conversationId", MongoIds.toBson(conversationId)),
                gt("seq", Collections.min(afterSeqByUser.values())))), Aggregates.group(null, counts))).first();
        if (row != null) {
            for (int i = 0; i < users.size(); i++) {
                unread.put(users.get(i), (int) MongoDocs.longOf(row, "u" + i));
            }
        }
        return unread;
    }

    /** Logs the change under the next free change number of the conversation; the same claim-by-insert as seq. */
    private long claimChange(Object conversationId, Object messageId, Instant at) {
        Document conversation = conversations.find(eq("_id", conversationId)).projection(Projections.include("lastChange")).first();
        long change = (conversation == null ? 0 : MongoDocs.longOf(conversation, "lastChange")) + 1;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                changes.insertOne(new Document("conversationId", conversationId).append("changeSeq", change).append("messageId", messageId)
                        .append("changedAt", Date.from(at)));
                conversations.updateOne(eq("_id", conversationId), Updates.max("lastChange", change));
                return change;
            } catch (MongoWriteException e) {
                if (!MongoErrors.isDuplicateKey(e)) {
                    throw e;
                }
                Document top = changes.find(eq("conversationId", conversationId)).sort(Sorts.descending("changeSeq")).limit(1).first();
                change = (top == null ? 0 : MongoDocs.longOf(top, "changeSeq")) + 1;
            }
        }
        throw new StorageException("change message: no free change number after " + MAX_ATTEMPTS + " attempts", null);
    }

    /** After a message took {@code seq}: the conversation's last seq and activity move up to it, never back. */
    void advanceConversation(Object conversationId, long seq, Date at, Object senderId) {
        conversations.updateOne(eq("_id", conversationId), Updates.combine(Updates.max("lastSeq", seq), Updates.max("lastActivityAt", at),
                Updates.addToSet("senders", senderId)));
    }

    long highestSeq(Object conversationId) {
        Document top = messages.find(eq("conversationId", conversationId)).sort(Sorts.descending("seq")).limit(1)
                .projection(Projections.include("seq")).first();
        return top == null ? 0 : MongoDocs.longOf(top, "seq");
    }

    private Optional<Message> byClientId(NewMessage m) {
        return Optional.ofNullable(messages.find(and(eq("conversationId", MongoIds.toBson(m.conversationId())),
                eq("clientKey", clientKey(m.senderId(), m.clientId())))).first()).map(this::message);
    }

    private List<Message> list(org.bson.conversions.Bson filter, org.bson.conversions.Bson sort, int limit) {
        List<Document> docs = new ArrayList<>();
        messages.find(filter).sort(sort).limit(limit).into(docs);
        return withQuotes(docs);
    }

    private Message message(Document d) {
        return withQuotes(List.of(d)).get(0);
    }

    /** The messages, each reply with its quoted message as it is now, read with one query for all of them. */
    private List<Message> withQuotes(List<Document> docs) {
        List<Object> quotedIds = docs.stream().map(d -> d.get("replyTo")).filter(java.util.Objects::nonNull).distinct().toList();
        Map<Object, Document> quoted = new HashMap<>();
        if (!quotedIds.isEmpty()) {
            messages.find(in("_id", quotedIds)).projection(Projections.include("seq", "senderId", "text", "image", "deletedAt"))
                    .forEach(q -> quoted.put(q.get("_id"), q));
        }
        List<Message> out = new ArrayList<>(docs.size());
        for (Document d : docs) {
            out.add(message(d, quote(d.get("replyTo"), quoted)));
        }
        return out;
    }

    private static Message.Quote quote(Object replyTo, Map<Object, Document> quoted) {
        if (replyTo == null) {
            return null;
        }
        Document q = quoted.get(replyTo);
        if (q == null) {
            return Message.Quote.of(MongoIds.fromBson(replyTo), 0, null, null, false, true);
        }
        String image = q.getString("image");
        return Message.Quote.of(MongoIds.fromBson(replyTo), MongoDocs.longOf(q, "seq"), MongoIds.fromBson(q.get("senderId")), q.getString("text"),
                image != null && !image.isEmpty(), q.getDate("deletedAt") != null);
    }

    private Document document(NewMessage m, Document conversation) {
        Object sender = MongoIds.toBson(m.senderId());
        Document doc = new Document("_id", MongoIds.toBson(m.id())).append("conversationId", MongoIds.toBson(m.conversationId()))
                .append("senderId", sender);
        if ("direct".equals(conversation.getString("type"))) {
            // Chatty's shape: a 1:1 message names its receiver
            for (Document member : conversation.getList("members", Document.class, List.of())) {
                if (!member.get("userId").equals(sender)) {
                    doc.append("receiverId", member.get("userId"));
                }
            }
        }
        if (m.replyToId() != null) {
            doc.append("replyTo", MongoIds.toBson(m.replyToId()));
        }
        doc.append("clientId", m.clientId()).append("clientKey", clientKey(m.senderId(), m.clientId())).append("text", m.text()).append("createdAt", Date.from(m.createdAt()))
                .append("updatedAt", Date.from(m.createdAt())).append("__v", 0);
        if (m.imageId() != null) {
            Document image = media.find(eq("_id", MongoIds.toBson(m.imageId()))).first();
            doc.append("imageId", MongoIds.toBson(m.imageId()));
            if (image != null) {
                doc.append("image", image.getString("url")).append("imageThumbnailUrl", image.getString("thumbnailUrl"))
                        .append("imageWidth", image.get("width")).append("imageHeight", image.get("height"));
            }
        }
        return doc;
    }

    private static Message message(Document d, Message.Quote replyTo) {
        Date deletedAt = d.getDate("deletedAt");
        Date editedAt = d.getDate("editedAt");
        Object imageId = d.get("imageId");
        // a message Chatty wrote has only the image's URL (a Cloudinary one): no upload id, no thumbnail, no size
        Message.MessageImage image = deletedAt != null || d.getString("image") == null || d.getString("image").isEmpty() ? null
                : new Message.MessageImage(imageId == null ? null : MongoIds.fromBson(imageId), d.getString("image"),
                        d.getString("imageThumbnailUrl"), (int) MongoDocs.longOf(d, "imageWidth"), (int) MongoDocs.longOf(d, "imageHeight"));
        String text = d.getString("text");
        return new Message(MongoIds.fromBson(d.get("_id")), MongoIds.fromBson(d.get("conversationId")), MongoDocs.longOf(d, "seq"),
                MongoIds.fromBson(d.get("senderId")), d.getString("clientId"), deletedAt != null ? null : text == null ? "" : text,
                d.getDate("createdAt").toInstant(), image, editedAt == null ? null : editedAt.toInstant(),
                deletedAt == null ? null : deletedAt.toInstant(), MongoDocs.longOf(d, "changeSeq"), replyTo,
                deletedAt != null ? List.of() : reactions(d));
    }

    private static List<Message.Reaction> reactions(Document d) {
        List<Document> stored = d.getList("reactions", Document.class, List.of());
        if (stored.isEmpty()) {
            return List.of();
        }
        String messageId = MongoIds.fromBson(d.get("_id"));
        List<ReactionRows.Row> rows = stored.stream().map(r -> new ReactionRows.Row(messageId, r.getString("emoji"),
                MongoIds.fromBson(r.get("userId")), r.getDate("at").toInstant())).toList();
        return ReactionRows.byMessage(rows).getOrDefault(messageId, List.of());
    }

    /** What makes a send idempotent: the same clientId from the same sender in one conversation. */
    static String clientKey(String senderId, String clientId) {
        return senderId + ":" + clientId;
    }

}
