package echos.message;

import static echos.auth.TestAccounts.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import echos.media.TestImages;
import echos.realtime.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One budget per account for sends, edits, deletes, uploads and new conversations, whichever transport: a burst of 5
 * and a refill so slow (one per 5 s) that nothing refills while a test runs.
 */
@QuarkusTest
@TestProfile(SendBudgetApiTest.SmallBudget.class)
class SendBudgetApiTest {

    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("echos.send.burst", "5", "echos.send.per-second", "0.2");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/ws")
    URI http;

    private TestSocket connect(Account account) {
        return TestSocket.of(http, account);
    }

    private static Response send(Account from, String conversationId, String clientId) {
        return as(from).body(Map.of("clientId", clientId, "text", "hello " + clientId))
                .post("/api/conversations/" + conversationId + "/messages");
    }

    private static int stored(Account reader, String conversationId) {
        List<?> messages = as(reader).get("/api/conversations/" + conversationId + "/messages").then().statusCode(200)
                .extract().path("messages");
        return messages.size();
    }

    @Test
    void aBurstOverHttpIsRefusedWith429AndRetryAfterInWholeSeconds() {
        Account me = TestAccounts.signUp();
        Account other = TestAccounts.signUp();
        String chat = TestChats.direct(me, other);                  // 1
        for (int i = 0; i < 4; i++) {                                // 2..5
            send(me, chat, "ok-" + i).then().statusCode(201);
        }
        Response refused = send(me, chat, "over");
        refused.then().statusCode(429).body("error.code", equalTo("rate_limited"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 5, "Retry-After " + retryAfter);
        assertEquals(4, stored(other, chat));
    }

    @Test
    void socketSendsAndHttpSendsDrawFromTheSameBudget() {
        Account me = TestAccounts.signUp();
        Account other = TestAccounts.signUp();
        String chat = TestChats.direct(me, other);                  // 1
        try (TestSocket socket = connect(me)) {
            for (int i = 0; i < 3; i++) {                            // 2..4
                socket.send("message.send", "s" + i, Map.of("conversationId", chat, "clientId", "sock-" + i, "text", "over the socket"));
                String ref = "s" + i;
                socket.await("message.ack", f -> ref.equals(f.path("ref").asText()), WAIT);
            }
            send(me, chat, "http-1").then().statusCode(201);        // 5
            send(me, chat, "http-2").then().statusCode(429).body("error.code", equalTo("rate_limited"));
            socket.send("message.send", "s9", Map.of("conversationId", chat, "clientId", "sock-9", "text", "one more"));
            JsonNode error = socket.await("error", f -> "s9".equals(f.path("ref").asText()), WAIT);
            assertEquals("rate_limited", error.at("/data/code").asText());
            assertTrue(error.at("/data/retryAfter").asLong() >= 1, "the error frame says how long to wait: " + error);
            // a refused frame leaves the socket open
            socket.send("ping", "alive", Map.of());
            assertEquals("alive", socket.await("pong").path("ref").asText());
        }
        assertEquals(4, stored(other, chat));
    }

    @Test
    void editsDeletesUploadsAndNewConversationsTakeFromItToo() {
        Account me = TestAccounts.signUp();
        Account other = TestAccounts.signUp();
        String chat = TestChats.direct(me, other);                  // 1
        send(me, chat, "first").then().statusCode(201);             // 2
        String id = as(me).get("/api/conversations/" + chat + "/messages").then().extract().path("messages[0].id");
        as(me).body(Map.of("text", "edited")).patch("/api/conversations/" + chat + "/messages/" + id).then().statusCode(200); // 3
        as(me).delete("/api/conversations/" + chat + "/messages/" + id).then().statusCode(204);                              // 4
        upload(me).then().statusCode(201);                           // 5
        upload(me).then().statusCode(429).body("error.code", equalTo("rate_limited"));
        as(me).body(Map.of("name", "Later", "memberIds", List.of(other.id()))).post("/api/conversations/groups")
                .then().statusCode(429).body("error.code", equalTo("rate_limited"));
        as(me).body(Map.of("userId", other.id())).post("/api/conversations/direct").then().statusCode(429);
        as(me).delete("/api/conversations/" + chat + "/messages/" + id).then().statusCode(429);
        given().header("Authorization", "Bearer " + me.token()).multiPart("file", "a.png", TestImages.png(20, 20), "image/png")
                .put("/api/users/me/avatar").then().statusCode(429);
    }

    @Test
    void anotherAccountKeepsItsOwnBudget() {
        Account spender = TestAccounts.signUp();
        Account bystander = TestAccounts.signUp();
        String chat = TestChats.direct(spender, bystander);         // spender 1
        for (int i = 0; i < 4; i++) {
            send(spender, chat, "s-" + i).then().statusCode(201);   // spender 2..5
        }
        send(spender, chat, "s-over").then().statusCode(429);
        for (int i = 0; i < 5; i++) {
            send(bystander, chat, "b-" + i).then().statusCode(201);
        }
        assertEquals(9, stored(bystander, chat));
    }

    private static Response upload(Account owner) {
        return given().header("Authorization", "Bearer " + owner.token())
                .multiPart("file", "picture.png", TestImages.png(40, 30), "image/png").post("/api/media");
    }
}
