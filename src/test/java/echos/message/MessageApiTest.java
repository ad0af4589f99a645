package echos.message;

import static echos.auth.TestAccounts.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MessageApiTest {

    @Test
    void sendsAMessageAndStoresTheTextExactly() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        String text = "  <img src=x onerror=alert(1)> \n second line ";
        as(a).body(Map.of("clientId", "c-1", "text", text)).post("/api/conversations/" + id + "/messages").then().statusCode(201)
                .body("message.text", equalTo(text))
                .body("message.seq", equalTo(1))
                .body("message.senderId", equalTo(a.id()))
                .body("message.clientId", equalTo("c-1"))
                .body("message.conversationId", equalTo(id));
        as(b).get("/api/conversations/" + id + "/messages").then().body("messages[0].text", equalTo(text));
    }

    @Test
    void aRepeatedClientIdReturnsTheStoredMessageAndStoresNothingNew() {
        Account a = TestAccounts.signUp();
        String id = TestChats.direct(a, TestAccounts.signUp());
        String first = as(a).body(Map.of("clientId", "same", "text", "hello")).post("/api/conversations/" + id + "/messages")
                .then().statusCode(201).extract().path("message.id");
        as(a).body(Map.of("clientId", "same", "text", "hello")).post("/api/conversations/" + id + "/messages")
                .then().statusCode(200).body("message.id", equalTo(first)).body("message.seq", equalTo(1));
        as(a).get("/api/conversations/" + id + "/messages").then().body("messages.seq", contains(1));
    }

    @Test
    void refusesEmptyOrTooLongTextAndBadClientIds() {
        Account a = TestAccounts.signUp();
        String path = "/api/conversations/" + TestChats.direct(a, TestAccounts.signUp()) + "/messages";
        as(a).body(Map.of("clientId", "c", "text", "   \n ")).post(path).then().statusCode(400).body("error.fields.text", org.hamcrest.Matchers.notNullValue());
        as(a).body(Map.of("clientId", "c", "text", "x".repeat(4001))).post(path).then().statusCode(400);
        as(a).body(Map.of("clientId", "c", "text", "hello" + " ".repeat(4000))).post(path).then().statusCode(400)
                .body("error.fields.text", org.hamcrest.Matchers.notNullValue());
        as(a).body(Map.of("clientId", "c", "text", "nul\u0000byte")).post(path).then().statusCode(400);
        as(a).body(Map.of("clientId", "c", "text", "esc\u001b[2J")).post(path).then().statusCode(400);
        as(a).body(Map.of("clientId", "c", "text", "x".repeat(4000))).post(path).then().statusCode(201);
        as(a).body(Map.of("clientId", "x".repeat(65), "text", "hi")).post(path).then().statusCode(400).body("error.fields.clientId", org.hamcrest.Matchers.notNullValue());
        as(a).body(Map.of("text", "hi")).post(path).then().statusCode(400);
        as(a).get(path).then().body("messages", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void concurrentSendersInOneConversationGetGapFreeSeq() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        Account c = TestAccounts.signUp();
        String id = TestChats.group(a, "busy", b, c);
        List<CompletableFuture<Void>> senders = new ArrayList<>();
        for (Account sender : List.of(a, b, c, a, b, c)) {
            senders.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 10; i++) {
                    as(sender).body(Map.of("clientId", UUID.randomUUID().toString(), "text", "m"))
                            .post("/api/conversations/" + id + "/messages").then().statusCode(201);
                }
            }));
        }
        senders.forEach(CompletableFuture::join);
        List<Integer> seqs = as(a).queryParam("after", 0).queryParam("limit", 100).get("/api/conversations/" + id + "/messages")
                .then().extract().path("messages.seq");
        assertEquals(LongStream.rangeClosed(1, 60).boxed().toList(), seqs.stream().map(Integer::longValue).toList());
    }

    @Test
    void pagesHistoryBackwardsAndCatchesUpForwards() {
        Account a = TestAccounts.signUp();
        String id = TestChats.direct(a, TestAccounts.signUp());
        for (int i = 1; i <= 5; i++) {
            TestChats.send(a, id, "m" + i);
        }
        String path = "/api/conversations/" + id + "/messages";
        as(a).queryParam("limit", 2).get(path).then().body("messages.seq", contains(5, 4)).body("nextBefore", equalTo(4));
        as(a).queryParam("limit", 2).queryParam("before", 4).get(path).then().body("messages.seq", contains(3, 2)).body("nextBefore", equalTo(2));
        as(a).queryParam("limit", 2).queryParam("before", 2).get(path).then().body("messages.seq", contains(1)).body("nextBefore", nullValue());
        as(a).queryParam("after", 2).queryParam("limit", 2).get(path).then().body("messages.seq", contains(3, 4)).body("nextAfter", equalTo(4));
        as(a).queryParam("after", 4).get(path).then().body("messages.seq", contains(5)).body("nextAfter", nullValue());
        as(a).queryParam("limit", 101).get(path).then().statusCode(400).body("error.code", equalTo("validation_failed"));
        as(a).queryParam("before", "abc").get(path).then().statusCode(400);
    }
}
