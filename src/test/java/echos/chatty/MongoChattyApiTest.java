package echos.chatty;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import echos.storage.OnMongo;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The same Chatty flow with MONGO_URI pointing at the mongo-java-server stand-in. */
@QuarkusTest
@TestProfile(OnMongo.class)
class MongoChattyApiTest extends ChattyApiTest {

    @Test
    void listsTheUserChattyStoredBeforeEchosStartedAndTalksToThem() {
        Browser ann = signUp(earlyName("Ann"));
        ann.request().get("/api/messages/users").then().statusCode(200).body("_id", hasItem(OnMongo.CHATTY_ID))
                .body("_id", not(hasItem(ann.id())));
        ann.request().body(sendBody("hello old friend", null)).post("/api/messages/send/" + OnMongo.CHATTY_ID).then().statusCode(201)
                .body("receiverId", org.hamcrest.Matchers.equalTo(OnMongo.CHATTY_ID));
        ann.request().get("/api/messages/" + OnMongo.CHATTY_ID).then().statusCode(200)
                .body("text", org.hamcrest.Matchers.contains("hello old friend"));
    }
}
