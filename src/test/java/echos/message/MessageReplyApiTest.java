package echos.message;

import static echos.auth.TestAccounts.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import echos.realtime.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MessageReplyApiTest {

    @TestHTTPResource("/ws")
    URI http;

    private static String messages(String conversationId) {
        return "/api/conversations/" + conversationId + "/messages";
    }

    private static String sendId(Account from, String conversationId, String text) {
        return as(from).body(Map.of("clientId", UUID.randomUUID().toString(), "text", text)).post(messages(conversationId))
                .then().statusCode(201).extract().path("message.id");
    }

    @Test
    void aReplyQuotesTheSenderAndStartOfTheOriginalInEveryAnswer() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        String original = sendId(a, id, "lunch at noon?");
        as(b).body(Map.of("clientId", "r1", "text", "yes!", "replyTo", original)).post(messages(id)).then().statusCode(201)
                .body("message.replyTo.id", equalTo(original))
                .body("message.replyTo.seq", equalTo(1))
                .body("message.replyTo.senderId", equalTo(a.id()))
                .body("message.replyTo.text", equalTo("lunch at noon?"))
                .body("message.replyTo.deleted", equalTo(false));
        as(a).get(messages(id)).then()
                .body("messages[0].replyTo.text", equalTo("lunch at noon?"))
                .body("messages[1].replyTo", nullValue());
        as(a).get("/api/conversations/" + id).then().body("conversation.lastMessage.replyTo.id", equalTo(original));
    }

    @Test
    void refusesToQuoteAMessageOfAnotherConversationOrADeletedOneAndStoresNothing() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        String elsewhere = sendId(a, TestChats.direct(a, TestAccounts.signUp()), "secret elsewhere");
        as(b).body(Map.of("clientId", "r1", "text", "hi", "replyTo", elsewhere)).post(messages(id)).then().statusCode(400)
                .body("error.code", equalTo("validation_failed")).body("error.fields.replyTo", notNullValue());
        as(b).body(Map.of("clientId", "r2", "text", "hi", "replyTo", "x".repeat(5000))).post(messages(id)).then().statusCode(400)
                .body("error.fields.replyTo", notNullValue());
        String gone = sendId(a, id, "oops");
        as(a).delete(messages(id) + "/" + gone).then().statusCode(204);
        as(b).body(Map.of("clientId", "r3", "text", "hi", "replyTo", gone)).post(messages(id)).then().statusCode(400)
                .body("error.fields.replyTo", notNullValue());
        as(b).get(messages(id)).then().body("messages", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void aReplyToALaterDeletedMessageShowsDeletedLiveAndAfterReconnect() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        String original = sendId(a, id, "will vanish");
        try (TestSocket b1 = TestSocket.of(http, b); TestSocket a1 = TestSocket.of(http, a)) {
            b1.send("message.send", "s1", Map.of("conversationId", id, "clientId", "r1", "text", "quoting", "replyTo", original));
            JsonNode ack = b1.await("message.ack");
            assertEquals(original, ack.at("/data/message/replyTo/id").asText());
            JsonNode live = a1.await("message.new");
            assertEquals("will vanish", live.at("/data/message/replyTo/text").asText(), "the other side gets the quote live");
        }
        long knownChange = as(b).get("/api/conversations/" + id).then().extract().<Integer>path("conversation.lastChange");
        as(a).delete(messages(id) + "/" + original).then().statusCode(204);
        as(b).get(messages(id)).then()
                .body("messages[0].replyTo.deleted", equalTo(true))
                .body("messages[0].replyTo.text", nullValue());
        try (TestSocket b2 = TestSocket.of(http, b)) {
            b2.send("sync", "s", Map.of("positions", Map.of(id, Map.of("seq", 2, "change", knownChange))));
            b2.await("sync.done");
            List<JsonNode> updates = b2.received().stream().filter(f -> "message.updated".equals(f.path("type").asText())).toList();
            assertEquals(List.of(original), updates.stream().map(f -> f.at("/data/message/id").asText()).toList(),
                    "the deletion is replayed; the client updates the quotes of the message it holds");
            assertTrue(updates.get(0).at("/data/message/deleted").asBoolean());
        }
    }
}
