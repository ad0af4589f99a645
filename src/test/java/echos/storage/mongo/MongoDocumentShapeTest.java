package echos.storage.mongo;

import echos.storage.Stores;
import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import echos.auth.ResetToken;
import echos.auth.Session;
import echos.user.NewUser;
import echos.user.ProfileChange;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the MongoDB adapters write, as Chatty (and a later drop-in over Chatty's data) sees it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoDocumentShapeTest {

    private static final Instant CREATED = Instant.ofEpochMilli(1_700_000_000_123L);
    private static final Instant NOW = Instant.ofEpochMilli(1_750_000_000_456L);

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private Stores stores;

    @BeforeAll
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("shape");
        stores = MongoStores.over(database, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private Document user(Object id) {
        return database.getCollection("users").find(eq("_id", id)).first();
    }

    @Test
    void writesAUserInChattysShape() {
        String id = new ObjectId().toHexString();
        stores.users().create(new NewUser(id, "Mixed.Case@Example.com", "Ada", "$2a$10$hash", CREATED));
        Document doc = user(new ObjectId(id));
        assertEquals("Mixed.Case@Example.com", doc.get("email"));
        assertEquals("mixed.case@example.com", doc.get("emailKey"));
        assertEquals("Ada", doc.get("fullName"));
        assertEquals("$2a$10$hash", doc.get("password"));
        assertEquals("", doc.get("profilePic"));
        assertEquals(Date.from(CREATED), doc.get("createdAt"));
        assertEquals(Date.from(CREATED), doc.get("updatedAt"));
        assertEquals(0, doc.get("__v"));
        assertInstanceOf(Integer.class, doc.get("__v"));
    }

    @Test
    void keepsAUuidIdAsAString() {
        String id = "0e9a6b1c-3f1d-4c5e-9a7b-2d8f6e4c1a30";
        stores.users().create(new NewUser(id, id + "@example.com", "Uu", "h", CREATED));
        assertEquals(id, user(id).get("_id"));
        assertEquals(id, stores.users().findById(id).orElseThrow().id());
    }

    @Test
    void bumpsUpdatedAtOnEditsAndStoresNoAvatarAsEmptyText() {
        String id = new ObjectId().toHexString();
        stores.users().create(new NewUser(id, id + "@example.com", "Ada", "h", CREATED));
        stores.users().updateProfile(id, new ProfileChange("Ada King", null, null));
        assertEquals(Date.from(NOW), user(new ObjectId(id)).get("updatedAt"));

        stores.users().updateAvatarUrl(id, "https://res.cloudinary.com/x.png");
        assertEquals("https://res.cloudinary.com/x.png", user(new ObjectId(id)).get("profilePic"));
        assertEquals("https://res.cloudinary.com/x.png", stores.users().findById(id).orElseThrow().avatarUrl());
        stores.users().updateAvatarUrl(id, null);
        assertEquals("", user(new ObjectId(id)).get("profilePic"));
        assertNull(stores.users().findById(id).orElseThrow().avatarUrl());
    }

    @Test
    void readsAUserChattyWrote() {
        ObjectId id = new ObjectId();
        database.getCollection("users").insertOne(new Document("_id", id).append("email", "chatty@example.com")
                .append("fullName", "From Chatty").append("password", "$2a$10$x").append("profilePic", "")
                .append("createdAt", Date.from(CREATED)).append("updatedAt", Date.from(CREATED)).append("__v", 0));
        var found = stores.users().findById(id.toHexString()).orElseThrow();
        assertEquals("From Chatty", found.fullName());
        assertEquals("", found.bio());
        assertNull(found.avatarUrl());
        assertNull(found.lastSeenAt());
        assertTrue(found.showOnline());
    }

    @Test
    void pointsAtObjectIdUsersWithObjectIds() {
        String userId = new ObjectId().toHexString();
        stores.users().create(new NewUser(userId, userId + "@example.com", "Ref", "h", CREATED));
        stores.sessions().create(new Session("s-" + userId, userId, CREATED, NOW));
        stores.resetTokens().create(new ResetToken("t-" + userId, userId, CREATED, NOW));
        assertEquals(new ObjectId(userId), database.getCollection("sessions").find(eq("_id", "s-" + userId)).first().get("userId"));
        assertEquals(new ObjectId(userId), database.getCollection("reset_tokens").find(eq("_id", "t-" + userId)).first().get("userId"));
        assertEquals(userId, stores.sessions().find("s-" + userId).orElseThrow().userId());
        assertEquals(Optional.of(userId), stores.resetTokens().consume("t-" + userId, CREATED));
    }

    @Test
    void createsTheIndexesItQueriesBy() {
        assertTrue(indexNames("users").containsAll(List.of("email_1", "echos_email_key", "echos_full_name_key")));
        assertTrue(indexNames("sessions").containsAll(List.of("echos_sessions_user", "echos_sessions_expires")));
        assertTrue(indexNames("reset_tokens").contains("echos_reset_tokens_user"));
    }

    @Test
    void startsOnADatabaseHoldingSeveralUsersChattyWrote() {
        MongoDatabase chatty = client.getDatabase("chatty");
        for (String email : List.of("one@example.com", "two@example.com")) {
            chatty.getCollection("users").insertOne(new Document("_id", new ObjectId()).append("email", email).append("fullName", "C")
                    .append("password", "$2a$10$x").append("profilePic", "").append("createdAt", Date.from(CREATED))
                    .append("updatedAt", Date.from(CREATED)).append("__v", 0));
        }
        Stores onChattyData = MongoStores.over(chatty);
        String id = new ObjectId().toHexString();
        onChattyData.users().create(new NewUser(id, "three@example.com", "Echo", "h", CREATED));
        assertEquals(id, onChattyData.users().findByEmail("THREE@example.com").orElseThrow().id());
    }

    private static Document chattyUser(String email, String name, String passwordHash) {
        return new Document("_id", new ObjectId()).append("email", email).append("fullName", name).append("password", passwordHash)
                .append("profilePic", "").append("createdAt", Date.from(CREATED)).append("updatedAt", Date.from(CREATED)).append("__v", 0);
    }

    @Test
    void chattyUsersAreFoundByEmailInAnyCaseAndCaseVariantTwinsEachByTheirExactEmail() {
        MongoDatabase chatty = client.getDatabase("chatty-logins");
        String hash = "$2a$10$abcdefghijklmnopqrstuuW2S0Xq3ymZ5cG0xVZ8o9xS6a1mYp0Qy"; // shape only: lookup, not verification
        Document ada = chattyUser("Ada@Example.com", "Ada", hash);
        Document upper = chattyUser("Twin@Example.com", "Upper twin", hash);
        Document lower = chattyUser("twin@example.com", "Lower twin", hash);
        chatty.getCollection("users").insertMany(List.of(ada, upper, lower));

        Stores echos = MongoStores.over(chatty);
        assertEquals(ada.getObjectId("_id").toHexString(), echos.users().findCredentialsByEmail("ada@example.COM").orElseThrow().userId());
        assertEquals(upper.getObjectId("_id").toHexString(), echos.users().findCredentialsByEmail("Twin@Example.com").orElseThrow().userId());
        assertEquals(lower.getObjectId("_id").toHexString(), echos.users().findCredentialsByEmail("twin@example.com").orElseThrow().userId());
        assertEquals(List.of("Ada"), echos.users().search("ada", new ObjectId().toHexString(), 10).stream().map(u -> u.fullName()).toList(),
                "Chatty users are found by name too");
        Document stored = chatty.getCollection("users").find(new Document("_id", ada.get("_id"))).first();
        assertEquals("Ada@Example.com", stored.getString("email"), "Chatty's fields are left as they were");
        assertEquals(hash, stored.getString("password"));
        assertEquals(Date.from(CREATED), stored.getDate("updatedAt"));

        MongoStores.over(chatty); // a second start changes nothing more and does not fail on the twins
        assertEquals(3, chatty.getCollection("users").countDocuments());
    }

    @Test
    void startsAgainOnADatabaseThatAlreadyHasTheIndexes() {
        assertDoesNotThrow(() -> MongoStores.over(database));
    }

    private List<String> indexNames(String collection) {
        return database.getCollection(collection).listIndexes().map(doc -> doc.getString("name")).into(new java.util.ArrayList<>());
    }
}
