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
import echos.media.MediaUploads;
import echos.realtime.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MessageChangeApiTest {

    @TestHTTPResource("/ws")
    URI http;

    private TestSocket connect(Account account) {
        return TestSocket.of(http, account);
    }

    private static String sendId(Account from, String conversationId, String text) {
        return as(from).body(Map.of("clientId", UUID.randomUUID().toString(), "text", text))
                .post("/api/conversations/" + conversationId + "/messages").then().statusCode(201).extract().path("message.id");
    }

    private static String path(String conversationId, String messageId) {
        return "/api/conversations/" + conversationId + "/messages/" + messageId;
    }

    @Test
    void onlyTheSenderEditsAndThePreviewFollows() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        Account stranger = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        String messageId = sendId(a, id, "helo");
        as(b).body(Map.of("text", "hijacked")).patch(path(id, messageId)).then().statusCode(403).body("error.code", equalTo("forbidden"));
        as(stranger).body(Map.of("text", "hijacked")).patch(path(id, messageId)).then().statusCode(404);
        as(a).body(Map.of("text", "")).patch(path(id, messageId)).then().statusCode(400);
        as(a).body(Map.of("text", "hello")).patch(path(id, messageId)).then().statusCode(200)
                .body("message.text", equalTo("hello"))
                .body("message.editedAt", notNullValue())
                .body("message.deleted", equalTo(false));
        as(b).get("/api/conversations/" + id).then().body("conversation.lastMessage.text", equalTo("hello"));
    }

    @Test
    void groupOwnersAndAdminsDeleteAnyonesMessagesAndMembersOnlyTheirOwn() {
        Account owner = TestAccounts.signUp();
        Account admin = TestAccounts.signUp();
        Account member = TestAccounts.signUp();
        String id = TestChats.group(owner, "mods", admin, member);
        as(owner).body(Map.of("role", "admin")).patch("/api/conversations/" + id + "/members/" + admin.id()).then().statusCode(200);
        String byOwner = sendId(owner, id, "owner says");
        String byMember = sendId(member, id, "member says");
        String another = sendId(member, id, "member again");
        as(member).delete(path(id, byOwner)).then().statusCode(403);
        as(admin).delete(path(id, byMember)).then().statusCode(204);
        as(owner).delete(path(id, another)).then().statusCode(204);
        as(member).delete(path(id, byOwner)).then().statusCode(403);
        as(owner).delete(path(id, byOwner)).then().statusCode(204);
    }

    @Test
    void aTombstoneKeepsItsSeqLosesTextAndImageAndTheImageIsGone() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        Map<String, Object> upload = MediaUploads.png(a);
        String messageId = as(a).body(Map.of("clientId", "img", "text", "caption", "imageId", upload.get("id")))
                .post("/api/conversations/" + id + "/messages").then().statusCode(201).extract().path("message.id");
        as(b).get((String) upload.get("url")).then().statusCode(200);
        as(a).delete(path(id, messageId)).then().statusCode(204);
        as(a).delete(path(id, messageId)).then().statusCode(204);
        as(b).get("/api/conversations/" + id + "/messages").then()
                .body("messages[0].seq", equalTo(1))
                .body("messages[0].deleted", equalTo(true))
                .body("messages[0].deletedAt", notNullValue())
                .body("messages[0].text", nullValue())
                .body("messages[0].image", nullValue());
        as(b).get((String) upload.get("url")).then().statusCode(404);
        as(a).get((String) upload.get("url")).then().statusCode(404);
        as(a).body(Map.of("text", "undead")).patch(path(id, messageId)).then().statusCode(404);
        as(b).get("/api/conversations/" + id).then().body("conversation.lastMessage.deleted", equalTo(true));
    }

    @Test
    void everyOpenSocketOfEveryMemberGetsTheUpdate() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        String messageId = sendId(a, id, "original");
        try (TestSocket a1 = connect(a); TestSocket a2 = connect(a); TestSocket b1 = connect(b); TestSocket b2 = connect(b)) {
            as(a).body(Map.of("text", "changed")).patch(path(id, messageId)).then().statusCode(200);
            for (TestSocket s : List.of(a1, a2, b1, b2)) {
                JsonNode updated = s.await("message.updated");
                assertEquals("changed", updated.at("/data/message/text").asText());
                assertEquals(1, updated.at("/data/changeSeq").asLong());
            }
            a1.send("message.delete", "del", Map.of("conversationId", id, "messageId", messageId));
            assertEquals("del", a1.await("message.updated").path("ref").asText());
            for (TestSocket s : List.of(a2, b1, b2)) {
                assertTrue(s.await("message.updated", f -> f.at("/data/message/deleted").asBoolean(), Duration.ofSeconds(10)) != null);
            }
            b1.send("message.edit", "nope", Map.of("conversationId", id, "messageId", messageId, "text", "x"));
            assertEquals("not_found", b1.await("error").at("/data/code").asText());
        }
    }

    @Test
    void aClientOfflineDuringThreeEditsAndTwoDeletesGetsExactlyThoseFiveInOrder() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(sendId(a, id, "m" + i));
        }
        long knownChange = as(b).get("/api/conversations/" + id).then().extract().<Integer>path("conversation.lastChange");
        as(a).body(Map.of("text", "e0")).patch(path(id, ids.get(0))).then().statusCode(200);
        as(a).delete(path(id, ids.get(1))).then().statusCode(204);
        as(a).body(Map.of("text", "e2")).patch(path(id, ids.get(2))).then().statusCode(200);
        as(a).delete(path(id, ids.get(3))).then().statusCode(204);
        as(a).body(Map.of("text", "e4")).patch(path(id, ids.get(4))).then().statusCode(200);
        try (TestSocket b1 = connect(b)) {
            b1.send("sync", "s", Map.of("positions", Map.of(id, Map.of("seq", 6, "change", knownChange))));
            JsonNode done = b1.await("sync.done");
            assertEquals(5, done.at("/data/changes/" + id).asLong());
            List<JsonNode> updates = b1.received().stream().filter(f -> "message.updated".equals(f.path("type").asText())).toList();
            assertEquals(List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3), ids.get(4)),
                    updates.stream().map(f -> f.at("/data/message/id").asText()).toList());
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), updates.stream().map(f -> f.at("/data/changeSeq").asLong()).toList());
            assertTrue(b1.received().stream().noneMatch(f -> "message.new".equals(f.path("type").asText())));
        }
        as(b).queryParam("after", 3).get("/api/conversations/" + id + "/changes").then().statusCode(200)
                .body("changes.changeSeq", org.hamcrest.Matchers.contains(4, 5))
                .body("changes[0].message.deleted", equalTo(true))
                .body("nextAfter", nullValue());
    }

    @Test
    void strangersGetNotFoundForEditsDeletesAndChanges() {
        Account a = TestAccounts.signUp();
        Account stranger = TestAccounts.signUp();
        String id = TestChats.direct(a, TestAccounts.signUp());
        String messageId = sendId(a, id, "private");
        as(stranger).delete(path(id, messageId)).then().statusCode(404);
        as(stranger).get("/api/conversations/" + id + "/changes").then().statusCode(404);
        as(a).delete(path(id, "no-such-message")).then().statusCode(404);
    }
}
