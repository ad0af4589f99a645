package echos.chatty;

import static echos.auth.TestAccounts.as;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import echos.auth.TestAccounts;
import echos.chatty.ChattyApiTest.Browser;
import echos.realtime.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Chatty client and an Echos client in one conversation: each sees what the other sends. */
@QuarkusTest
class ChattyAlongsideEchosTest {

    @TestHTTPResource("/ws")
    URI ws;

    @Test
    void aMessageSentThroughChattysEndpointArrivesLiveOnTheReceiversEchosSocket() {
        Browser ann = ChattyApiTest.signUp(ChattyApiTest.earlyName("Ann"));
        Browser bob = ChattyApiTest.signUp(ChattyApiTest.earlyName("Bob"));
        try (TestSocket bobsSocket = TestSocket.connect(TestSocket.wsOf(ws), Map.of("Cookie", "jwt=" + bob.cookie()))) {
            String id = ann.request().body(ChattyApiTest.sendBody("live?", null)).post("/api/messages/send/" + bob.id()).then()
                    .statusCode(201).extract().path("_id");
            JsonNode frame = bobsSocket.await("message.new", f -> id.equals(f.at("/data/message/id").asText()), Duration.ofSeconds(10));
            assertEquals("live?", frame.at("/data/message/text").asText());
            assertEquals(ann.id(), frame.at("/data/message/senderId").asText());
        }
    }

    @Test
    void aMessageSentThroughEchosOwnApiShowsInChattysHistory() {
        Browser ann = ChattyApiTest.signUp(ChattyApiTest.earlyName("Ann"));
        TestAccounts.Account bob = TestAccounts.signUpAs(ChattyApiTest.earlyName("Bob"));
        String conversation = as(bob).body(Map.of("userId", ann.id())).post("/api/conversations/direct").then().statusCode(201)
                .extract().path("conversation.id");
        as(bob).body(Map.of("clientId", "echos-1", "text", "from the Echos app")).post("/api/conversations/" + conversation + "/messages")
                .then().statusCode(201);
        ann.request().body(ChattyApiTest.sendBody("from Chatty", null)).post("/api/messages/send/" + bob.id()).then().statusCode(201);
        String second = as(bob).body(Map.of("clientId", "echos-2", "text", "edited soon")).post("/api/conversations/" + conversation + "/messages")
                .then().statusCode(201).extract().path("message.id");
        String third = as(bob).body(Map.of("clientId", "echos-3", "text", "deleted soon")).post("/api/conversations/" + conversation + "/messages")
                .then().statusCode(201).extract().path("message.id");
        as(bob).body(Map.of("text", "edited")).patch("/api/conversations/" + conversation + "/messages/" + second).then().statusCode(200);
        as(bob).delete("/api/conversations/" + conversation + "/messages/" + third).then().statusCode(204);

        ann.request().get("/api/messages/" + bob.id()).then().statusCode(200)
                .body("text", contains("from the Echos app", "from Chatty", "edited"))
                .body("senderId", contains(bob.id(), ann.id(), bob.id()))
                .body("receiverId", contains(ann.id(), bob.id(), ann.id()));
        as(bob).get("/api/conversations/" + conversation + "/messages").then()
                .body("messages.text", org.hamcrest.Matchers.hasItem("from Chatty"));
    }
}
