package echos.message.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import echos.conversation.Conversation;
import echos.message.Message;
import echos.message.NewMessage;
import echos.storage.MongoTestDatabase;
import echos.storage.Stores;
import echos.storage.mongo.MongoStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A database as Chatty left it (exact document shapes, chatty-contract.md section 4), then Echos started on it. */
class ChattyHistoryTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.000Z");
    private final MongoTestDatabase database = MongoTestDatabase.create();
    private final MongoDatabase db = database.database();
    private final MongoCollection<Document> messages = db.getCollection("messages");

    @AfterEach
    void close() {
        database.close();
    }

    private ObjectId chattyUser(String name) {
        ObjectId id = new ObjectId();
        db.getCollection("users").insertOne(new Document("_id", id).append("email", name + "@example.com").append("fullName", name)
                .append("password", "$2a$10$abcdefghijklmnopqrstuuW2S0Xq3ymZ5cG0xVZ8o9xS6a1mYp0Qy").append("profilePic", "")
                .append("createdAt", Date.from(T0)).append("updatedAt", Date.from(T0)).append("__v", 0));
        return id;
    }

    /** As mongoose wrote it: text absent when the client sent none, "" beside an image, image absent when none. */
    private Document chattyMessage(ObjectId from, ObjectId to, String text, String image, int secondsAfterT0) {
        Document d = new Document("_id", new ObjectId()).append("senderId", from).append("receiverId", to);
        if (text != null) {
            d.append("text", text);
        }
        if (image != null) {
            d.append("image", image);
        }
        d.append("createdAt", Date.from(T0.plusSeconds(secondsAfterT0))).append("updatedAt", Date.from(T0.plusSeconds(secondsAfterT0)))
                .append("__v", 0);
        messages.insertOne(d);
        return d;
    }

    @Test
    void oneToOneHistoryBecomesDirectConversationsInOrderAndChattyCanStillReadIt() {
        ObjectId ada = chattyUser("ada");
        ObjectId bob = chattyUser("bob");
        ObjectId cy = chattyUser("cy");
        // inserted out of time order: Echos numbers by createdAt, not by insertion
        Document second = chattyMessage(bob, ada, "hi Ada", null, 20);
        Document first = chattyMessage(ada, bob, "hi Bob", null, 10);
        Document picture = chattyMessage(ada, bob, "", "https://res.cloudinary.com/demo/image/upload/v1/cat.jpg", 30);
        chattyMessage(ada, bob, null, null, 40);
        chattyMessage(ada, cy, "anyone there?", null, 50);
        List<Document> before = messages.find().into(new ArrayList<>());

        Stores stores = MongoStores.over(db);

        Conversation adaBob = stores.conversations().listForUser(ada.toHexString()).stream()
                .filter(c -> c.hasMember(bob.toHexString())).findFirst().orElseThrow();
        List<Message> history = stores.messages().after(adaBob.id(), 0, 100);
        assertEquals(List.of(1L, 2L, 3L, 4L), history.stream().map(Message::seq).toList());
        assertEquals(List.of(first.getObjectId("_id").toHexString(), second.getObjectId("_id").toHexString(),
                picture.getObjectId("_id").toHexString()), history.subList(0, 3).stream().map(Message::id).toList());
        assertEquals(List.of("hi Bob", "hi Ada", "", ""), history.stream().map(Message::text).toList());
        assertEquals(bob.toHexString(), history.get(1).senderId());
        assertEquals("https://res.cloudinary.com/demo/image/upload/v1/cat.jpg", history.get(2).image().url(), "Cloudinary URL shown as is");
        assertNull(history.get(0).image());
        assertEquals(T0.plusSeconds(10), history.get(0).createdAt());
        assertEquals(4, stores.conversations().find(adaBob.id()).orElseThrow().lastSeq());
        assertEquals(2, stores.conversations().listForUser(ada.toHexString()).size(), "Ada-Bob and Ada-Cy");
        assertTrue(stores.conversations().areContacts(ada.toHexString(), bob.toHexString()), "both wrote: contacts");
        assertFalse(stores.conversations().areContacts(ada.toHexString(), cy.toHexString()), "Cy never answered");

        // nothing Chatty wrote changed: every original field still has its value
        for (Document original : before) {
            Document now = messages.find(new Document("_id", original.get("_id"))).first();
            for (String field : original.keySet()) {
                assertEquals(original.get(field), now.get(field), field + " of " + original.get("_id"));
            }
        }

        // a second start maps nothing and renumbers nothing
        assertEquals(0, new ChattyHistory(db, (MongoMessageStore) stores.messages(), stores.conversations()).mapUnmapped());
        assertEquals(history, MongoStores.over(db).messages().after(adaBob.id(), 0, 100));

        // Echos' own messages continue the numbering
        Message next = stores.messages().append(new NewMessage(new ObjectId().toHexString(), adaBob.id(), bob.toHexString(), "c1",
                "from Echos", T0.plusSeconds(100), null)).message();
        assertEquals(5, next.seq());
    }

    @Test
    void messagesChattyWroteAfterARollbackAreMappedOnTheNextStartAfterTheOthers() {
        ObjectId ada = chattyUser("ada");
        ObjectId bob = chattyUser("bob");
        chattyMessage(ada, bob, "one", null, 1);
        Stores stores = MongoStores.over(db);
        String conversation = stores.conversations().listForUser(ada.toHexString()).get(0).id();
        stores.messages().append(new NewMessage(UUID.randomUUID().toString(), conversation, bob.toHexString(), "c1", "two, from Echos",
                T0.plusSeconds(2), null));

        chattyMessage(bob, ada, "three, from Chatty again", null, 3); // Chatty ran for a while, then Echos again
        Stores again = MongoStores.over(db);
        assertEquals(List.of("one", "two, from Echos", "three, from Chatty again"),
                again.messages().after(conversation, 0, 10).stream().map(Message::text).toList());
        assertEquals(List.of(1L, 2L, 3L), again.messages().after(conversation, 0, 10).stream().map(Message::seq).toList());
    }
}
