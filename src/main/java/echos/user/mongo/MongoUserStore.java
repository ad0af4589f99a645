package echos.user.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import echos.storage.StorageException;
import echos.storage.mongo.MongoErrors;
import echos.storage.mongo.MongoIds;
import echos.storage.mongo.MongoText;
import echos.storage.mongo.MongoUserRefs;
import echos.user.Credentials;
import echos.user.EmailTakenException;
import echos.user.NewUser;
import echos.user.ProfileChange;
import echos.user.User;
import echos.user.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.jboss.logging.Logger;
import org.bson.conversions.Bson;

/**
 * {@link UserStore} over the {@code users} collection, in Chatty's document shape ({@code email}, {@code fullName},
 * {@code password}, {@code profilePic}, {@code createdAt}, {@code updatedAt}, {@code __v}) plus Echos' own fields.
 * Chatty compares emails exactly; Echos ignores case, so it keeps a lower-cased {@code emailKey} under a unique
 * index, and a lower-cased {@code fullNameKey} to search and sort names without collations.
 */
public class MongoUserStore implements UserStore {

    private static final Logger LOG = Logger.getLogger(MongoUserStore.class);

    private static final Bson CREDENTIALS = Projections.include("_id", "password");

    private final MongoCollection<Document> users;
    private final Clock clock;

    public MongoUserStore(MongoDatabase database, Clock clock) {
        this.users = database.getCollection(MongoUserRefs.USERS);
        this.clock = clock;
        // Chatty's own index, so that either application can start first on the same database.
        users.createIndex(Indexes.ascending("email"), new IndexOptions().name("email_1").unique(true));
        // Sparse: users Chatty wrote have no emailKey, and many missing keys would collide as nulls.
        users.createIndex(Indexes.ascending("emailKey"), new IndexOptions().name("echos_email_key").unique(true).sparse(true));
        users.createIndex(Indexes.ascending("fullNameKey"), new IndexOptions().name("echos_full_name_key"));
        addKeysToChattyUsers();
    }

    /**
     * Users Chatty wrote get Echos' lookup keys, one document at a time, so a crash part-way loses nothing and the
     * next start carries on. Chatty's fields stay as they are. Where Chatty let two emails differ only in case, the
     * second keeps no emailKey and is found by its exact email, as in Chatty.
     */
    private void addKeysToChattyUsers() {
        for (Document doc : users.find(exists("emailKey", false)).projection(Projections.include("_id", "email", "fullName"))) {
            String email = doc.getString("email");
            String name = doc.getString("fullName");
            try {
                users.updateOne(and(eq("_id", doc.get("_id")), exists("emailKey", false)),
                        combine(set("emailKey", MongoText.key(email == null ? "" : email)), set("fullNameKey", MongoText.key(name == null ? "" : name))));
            } catch (MongoWriteException e) {
                if (!MongoErrors.isDuplicateKey(e)) {
                    throw e;
                }
                users.updateOne(eq("_id", doc.get("_id")), set("fullNameKey", MongoText.key(name == null ? "" : name)));
                LOG.warnf("event=user_email_case_duplicate user=%s hint=\"another account has this email in another letter case; this one logs in with its exact email only\"",
                        MongoIds.fromBson(doc.get("_id")));
            }
        }
    }

    @Override
    public User create(NewUser user) {
        Date created = Date.from(user.createdAt());
        Document doc = new Document("_id", MongoIds.toBson(user.id()))
                .append("email", user.email())
                .append("fullName", user.fullName())
                .append("password", user.passwordHash())
                .append("profilePic", "")
                .append("createdAt", created)
                .append("updatedAt", created)
                .append("__v", 0)
                .append("emailKey", MongoText.key(user.email()))
                .append("fullNameKey", MongoText.key(user.fullName()))
                .append("bio", "")
                .append("showOnline", true);
        try {
            users.insertOne(doc);
        } catch (MongoWriteException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                throw new EmailTakenException(user.email());
            }
            throw new StorageException("insert user failed", e);
        }
        return new User(user.id(), user.email(), user.fullName(), "", null, user.createdAt(), null, true);
    }

    @Override
    public Optional<User> findById(String id) {
        return Optional.ofNullable(users.find(byId(id)).first()).map(MongoUserStore::user);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return byEmail(email, null).map(MongoUserStore::user);
    }

    @Override
    public Optional<Credentials> findCredentialsByEmail(String email) {
        return byEmail(email, CREDENTIALS).map(MongoUserStore::credentials);
    }

    @Override
    public Optional<Credentials> findCredentialsById(String id) {
        return Optional.ofNullable(users.find(byId(id)).projection(CREDENTIALS).first()).map(MongoUserStore::credentials);
    }

    @Override
    public Optional<User> updateProfile(String id, ProfileChange change) {
        List<Bson> sets = new ArrayList<>();
        if (change.fullName() != null) {
            sets.add(set("fullName", change.fullName()));
            sets.add(set("fullNameKey", MongoText.key(change.fullName())));
        }
        if (change.bio() != null) {
            sets.add(set("bio", change.bio()));
        }
        if (change.showOnline() != null) {
            sets.add(set("showOnline", change.showOnline()));
        }
        if (sets.isEmpty()) {
            return findById(id);
        }
        sets.add(touched());
        Document updated = users.findOneAndUpdate(byId(id), combine(sets), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(updated).map(MongoUserStore::user);
    }

    @Override
    public void updatePasswordHash(String id, String passwordHash) {
        users.updateOne(byId(id), combine(set("password", passwordHash), touched()));
    }

    @Override
    public List<User> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> keys = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            keys.add(MongoIds.toBson(id));
        }
        return users.find(in("_id", keys)).map(MongoUserStore::user).into(new ArrayList<>());
    }

    @Override
    public List<User> search(String query, String excludedUserId, int limit) {
        String key = MongoText.key(query);
        // The email is compared whole, so it cannot be recovered letter by letter.
        Bson filter = and(ne("_id", MongoIds.toBson(excludedUserId)),
                or(regex("fullNameKey", MongoText.literalRegex(key)), eq("emailKey", key)));
        return users.find(filter).sort(Sorts.ascending("fullNameKey", "_id")).limit(limit).map(MongoUserStore::user)
                .into(new ArrayList<>());
    }

    @Override
    public List<User> listOthers(String excludedUserId, int limit) {
        return users.find(ne("_id", MongoIds.toBson(excludedUserId))).sort(Sorts.ascending("fullNameKey", "_id")).limit(limit)
                .map(MongoUserStore::user).into(new ArrayList<>());
    }

    @Override
    public void updateLastSeen(String id, Instant lastSeenAt) {
        // Presence, not an edit of the account: updatedAt stays.
        users.updateOne(byId(id), set("lastSeenAt", Date.from(lastSeenAt)));
    }

    @Override
    public void updateAvatarUrl(String id, String avatarUrl) {
        users.updateOne(byId(id), combine(set("profilePic", avatarUrl == null ? "" : avatarUrl), touched()));
    }

    private Bson touched() {
        return set("updatedAt", Date.from(clock.instant()));
    }

    private static Bson byId(String id) {
        return eq("_id", MongoIds.toBson(id));
    }

    /** The exact email first (Chatty's rule, and what tells case-variant Chatty accounts apart), then any letter case. */
    private Optional<Document> byEmail(String email, Bson projection) {
        Document exact = users.find(eq("email", email)).projection(projection).first();
        return Optional.ofNullable(exact != null ? exact : users.find(eq("emailKey", MongoText.key(email))).projection(projection).first());
    }

    private static User user(Document doc) {
        String profilePic = doc.getString("profilePic");
        Date lastSeen = doc.getDate("lastSeenAt");
        return new User(MongoIds.fromBson(doc.get("_id")), doc.getString("email"), doc.getString("fullName"), doc.get("bio", ""),
                profilePic == null || profilePic.isEmpty() ? null : profilePic, doc.getDate("createdAt").toInstant(),
                lastSeen == null ? null : lastSeen.toInstant(), doc.getBoolean("showOnline", true));
    }

    private static Credentials credentials(Document doc) {
        return new Credentials(MongoIds.fromBson(doc.get("_id")), doc.getString("password"));
    }
}
