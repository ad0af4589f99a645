package echos.conversation.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.all;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import echos.storage.mongo.MongoErrors;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import echos.conversation.Conversation;
import echos.conversation.ConversationStore;
import echos.conversation.ConversationType;
import echos.conversation.Member;
import echos.conversation.Role;
import echos.storage.mongo.MongoDocs;
import echos.storage.mongo.MongoIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * {@link ConversationStore} on MongoDB: one document per conversation with its members embedded, so every member
 * change is one atomic update (no multi-document transaction needed). A direct conversation is unique by its
 * {@code directKey}. Which members have written is kept in {@code senders} ({@code $addToSet} on every append), so
 * "contacts" is one query.
 */
public class MongoConversationStore implements ConversationStore {

    static final String COLLECTION = "conversations";

    private final MongoCollection<Document> conversations;
    private final MongoCollection<Document> messages;

    public MongoConversationStore(MongoDatabase database) {
        this.conversations = database.getCollection(COLLECTION);
        this.messages = database.getCollection("messages");
        conversations.createIndex(Indexes.ascending("directKey"), new IndexOptions().name("echos_direct_key").unique(true).sparse(true));
        conversations.createIndex(Indexes.ascending("members.userId", "lastActivityAt"), new IndexOptions().name("echos_member_activity"));
    }

    @Override
    public DirectResult findOrCreateDirect(String id, String userA, String userB, Instant now) {
        String key = directKey(userA, userB);
        Optional<Conversation> existing = findOne(eq("directKey", key));
        if (existing.isPresent()) {
            return new DirectResult(existing.get(), false);
        }
        Document doc = header(id, ConversationType.DIRECT, null, userA, now).append("directKey", key)
                .append("members", List.of(member(userA, Role.MEMBER, now), member(userB, Role.MEMBER, now)));
        try {
            conversations.insertOne(doc);
            return new DirectResult(conversation(doc), true);
        } catch (MongoWriteException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return new DirectResult(findOne(eq("directKey", key)).orElseThrow(() -> e), false);
            }
            throw e;
        }
    }

    @Override
    public Optional<Conversation> findDirect(String userA, String userB) {
        return findOne(eq("directKey", directKey(userA, userB)));
    }

    @Override
    public Conversation createGroup(String id, String name, String ownerId, Collection<String> memberIds, Instant now) {
        List<Document> members = new ArrayList<>();
        members.add(member(ownerId, Role.OWNER, now));
        for (String member : new LinkedHashSet<>(memberIds)) {
            if (!member.equals(ownerId)) {
                members.add(member(member, Role.MEMBER, now));
            }
        }
        Document doc = header(id, ConversationType.GROUP, name, ownerId, now).append("members", members);
        conversations.insertOne(doc);
        return conversation(doc);
    }

    @Override
    public Optional<Conversation> find(String id) {
        return findOne(eq("_id", MongoIds.toBson(id)));
    }

    @Override
    public List<Conversation> listForUser(String userId) {
        List<Conversation> found = new ArrayList<>();
        conversations.find(eq("members.userId", MongoIds.toBson(userId)))
                .sort(Sorts.orderBy(Sorts.descending("lastActivityAt"), Sorts.descending("_id")))
                .forEach(d -> found.add(conversation(d)));
        return found;
    }

    @Override
    public void rename(String id, String name) {
        conversations.updateOne(eq("_id", MongoIds.toBson(id)), Updates.set("name", name));
    }

    @Override
    public void addMembers(String id, Collection<String> userIds, Role role, Instant now) {
        for (String userId : new LinkedHashSet<>(userIds)) {
            // only when absent, in one atomic update, so a concurrent add of the same user cannot add them twice
            conversations.updateOne(and(eq("_id", MongoIds.toBson(id)), ne("members.userId", MongoIds.toBson(userId))),
                    Updates.push("members", member(userId, role, now)));
        }
    }

    @Override
    public void removeMember(String id, String userId) {
        conversations.updateOne(eq("_id", MongoIds.toBson(id)), Updates.pull("members", new Document("userId", MongoIds.toBson(userId))));
    }

    @Override
    public void setRole(String id, String userId, Role role) {
        conversations.updateOne(and(eq("_id", MongoIds.toBson(id)), eq("members.userId", MongoIds.toBson(userId))),
                Updates.set("members.$.role", role.json()));
    }

    @Override
    public Optional<Member> markDelivered(String id, String userId, long seq) {
        raise(id, userId, "deliveredSeq", Math.min(seq, lastSeq(id)));
        return find(id).flatMap(c -> c.member(userId));
    }

    @Override
    public Optional<Member> markRead(String id, String userId, long seq) {
        long capped = Math.min(seq, lastSeq(id));
        raise(id, userId, "readSeq", capped);
        raise(id, userId, "deliveredSeq", capped);
        return find(id).flatMap(c -> c.member(userId));
    }

    /** Moves a member's position forward to {@code to}, never back: one atomic update of the embedded member. */
    private void raise(String id, String userId, String field, long to) {
        conversations.updateOne(and(eq("_id", MongoIds.toBson(id)),
                elemMatch("members", and(eq("userId", MongoIds.toBson(userId)), lt(field, to)))),
                Updates.set("members.$." + field, to));
    }

    @Override
    public boolean setMutedUntil(String id, String userId, Instant until) {
        // An unmuted member has no mutedUntil field, as before this feature, so Chatty's member shape is unchanged.
        return conversations.updateOne(and(eq("_id", MongoIds.toBson(id)), eq("members.userId", MongoIds.toBson(userId))),
                until == null ? Updates.unset("members.$.mutedUntil") : Updates.set("members.$.mutedUntil", Date.from(until)))
                .getMatchedCount() > 0;
    }

    @Override
    public long lastChangeOf(String id) {
        Document d = conversations.find(eq("_id", MongoIds.toBson(id))).projection(Projections.include("lastChange")).first();
        return d == null ? 0 : MongoDocs.longOf(d, "lastChange");
    }

    @Override
    public Set<String> contactsOf(String userId) {
        Object me = MongoIds.toBson(userId);
        Set<String> contacts = new HashSet<>();
        conversations.find(and(eq("members.userId", me), or(eq("type", "group"), eq("senders", me))))
                .projection(Projections.include("type", "members.userId", "senders")).forEach(d -> {
                    boolean group = "group".equals(d.getString("type"));
                    List<Object> senders = d.getList("senders", Object.class, List.of());
                    for (Document m : d.getList("members", Document.class)) {
                        Object other = m.get("userId");
                        if (!other.equals(me) && (group || senders.contains(other))) {
                            contacts.add(MongoIds.fromBson(other));
                        }
                    }
                });
        return contacts;
    }

    @Override
    public boolean areContacts(String userA, String userB) {
        if (userA.equals(userB)) {
            return false;
        }
        Object a = MongoIds.toBson(userA);
        Object b = MongoIds.toBson(userB);
        return conversations.find(and(all("members.userId", List.of(a, b)), or(eq("type", "group"), all("senders", List.of(a, b)))))
                .projection(Projections.include("_id")).first() != null;
    }

    @Override
    public boolean isFirstReply(String conversationId, String senderId, String messageId) {
        Object conversation = MongoIds.toBson(conversationId);
        Object sender = MongoIds.toBson(senderId);
        Document c = conversations.find(eq("_id", conversation)).projection(Projections.include("type")).first();
        return c != null && "direct".equals(c.getString("type"))
                && messages.find(and(eq("conversationId", conversation), eq("senderId", sender), ne("_id", MongoIds.toBson(messageId))))
                        .projection(Projections.include("_id")).first() == null
                && messages.find(and(eq("conversationId", conversation), ne("senderId", sender)))
                        .projection(Projections.include("_id")).first() != null;
    }

    private long lastSeq(String id) {
        Document d = conversations.find(eq("_id", MongoIds.toBson(id))).projection(Projections.include("lastSeq")).first();
        return d == null ? 0 : MongoDocs.longOf(d, "lastSeq");
    }

    private static String directKey(String userA, String userB) {
        return userA.compareTo(userB) < 0 ? userA + ":" + userB : userB + ":" + userA;
    }

    private Optional<Conversation> findOne(org.bson.conversions.Bson filter) {
        return Optional.ofNullable(conversations.find(filter).first()).map(MongoConversationStore::conversation);
    }

    private static Document header(String id, ConversationType type, String name, String createdBy, Instant now) {
        return new Document("_id", MongoIds.toBson(id)).append("type", type.json()).append("name", name)
                .append("createdBy", MongoIds.toBson(createdBy)).append("createdAt", Date.from(now)).append("lastActivityAt", Date.from(now))
                .append("lastSeq", 0L).append("lastChange", 0L).append("senders", List.of());
    }

    private static Document member(String userId, Role role, Instant now) {
        return new Document("userId", MongoIds.toBson(userId)).append("role", role.json()).append("joinedAt", Date.from(now))
                .append("deliveredSeq", 0L).append("readSeq", 0L);
    }

    private static final Comparator<Member> MEMBER_ORDER = Comparator.comparing(Member::joinedAt)
            .thenComparing(m -> m.role().ordinal()).thenComparing(Member::userId);

    static Conversation conversation(Document d) {
        List<Member> members = new ArrayList<>();
        for (Document m : d.getList("members", Document.class, List.of())) {
            members.add(new Member(MongoIds.fromBson(m.get("userId")), Role.parse(m.getString("role")), m.getDate("joinedAt").toInstant(),
                    MongoDocs.longOf(m, "deliveredSeq"), MongoDocs.longOf(m, "readSeq"),
                    Optional.ofNullable(m.getDate("mutedUntil")).map(Date::toInstant).orElse(null)));
        }
        members.sort(MEMBER_ORDER);
        return new Conversation(MongoIds.fromBson(d.get("_id")), ConversationType.valueOf(d.getString("type").toUpperCase()), d.getString("name"),
                MongoIds.fromBson(d.get("createdBy")), d.getDate("createdAt").toInstant(), d.getDate("lastActivityAt").toInstant(),
                MongoDocs.longOf(d, "lastSeq"), List.copyOf(members), MongoDocs.longOf(d, "lastChange"));
    }

}
