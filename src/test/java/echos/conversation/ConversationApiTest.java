package echos.conversation;

import static echos.auth.TestAccounts.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import com.fasterxml.jackson.databind.JsonNode;
import echos.realtime.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConversationApiTest {

    @TestHTTPResource("/ws")
    URI ws;

    @Test
    void findsUsersByTheirWholeEmailExcludingYourself() {
        Account me = TestAccounts.signUp();
        Account other = TestAccounts.signUp();
        String local = other.email().substring(0, other.email().indexOf('@'));
        as(me).queryParam("query", local).get("/api/users").then().statusCode(200).body("users", hasSize(0));
        as(me).queryParam("query", other.email().toUpperCase()).get("/api/users").then().statusCode(200)
                .body("users.id", contains(other.id()))
                .body("users[0].fullName", equalTo("Test User"))
                .body("users[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("email")));
        as(me).queryParam("query", me.email()).get("/api/users").then().body("users", hasSize(0));
        as(me).queryParam("query", "").get("/api/users").then().body("users", hasSize(0));
        as(me).queryParam("query", "a").queryParam("limit", "500").get("/api/users").then().statusCode(400);
    }

    @Test
    void mutesForOneMemberOnlyAndTellsThatMembersOtherSockets() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = as(a).body(Map.of("userId", b.id())).post("/api/conversations/direct").then().statusCode(201)
                .body("conversation.mutedUntil", nullValue()).body("conversation.mutedForever", equalTo(false))
                .extract().path("conversation.id");
        try (TestSocket other = TestSocket.of(ws, a)) {
            String until = as(a).body(Map.of("duration", "1h")).put("/api/conversations/" + id + "/mute").then().statusCode(200)
                    .body("conversation.mutedForever", equalTo(false)).extract().path("conversation.mutedUntil");
            Duration left = Duration.between(Instant.now(), Instant.parse(until));
            assertTrue(left.toMinutes() >= 58 && left.toMinutes() <= 60, "muted for about an hour: " + left);
            JsonNode frame = other.await("conversation.updated", f -> id.equals(f.at("/data/conversation/id").asText()), Duration.ofSeconds(5));
            assertEquals(until, frame.at("/data/conversation/mutedUntil").asText());

            as(a).body(Map.of("duration", "always")).put("/api/conversations/" + id + "/mute").then().statusCode(200)
                    .body("conversation.mutedUntil", nullValue()).body("conversation.mutedForever", equalTo(true));
            as(a).get("/api/conversations").then().body("conversations.find { it.id == '" + id + "' }.mutedForever", equalTo(true));
            as(b).get("/api/conversations/" + id).then().body("conversation.mutedForever", equalTo(false))
                    .body("conversation.mutedUntil", nullValue());

            as(a).delete("/api/conversations/" + id + "/mute").then().statusCode(200)
                    .body("conversation.mutedForever", equalTo(false)).body("conversation.mutedUntil", nullValue());
            other.await("conversation.updated", f -> id.equals(f.at("/data/conversation/id").asText())
                    && !f.at("/data/conversation/mutedForever").asBoolean() && f.at("/data/conversation/mutedUntil").isNull(), Duration.ofSeconds(5));
        }
    }

    @Test
    void refusesUnknownMuteDurationsAndStrangers() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = as(a).body(Map.of("userId", b.id())).post("/api/conversations/direct").then().extract().path("conversation.id");
        as(a).body(Map.of("duration", "2h")).put("/api/conversations/" + id + "/mute").then().statusCode(400)
                .body("error.code", equalTo("validation_failed")).body("error.fields.duration", notNullValue());
        as(a).body("{}").put("/api/conversations/" + id + "/mute").then().statusCode(400);
        as(a).get("/api/conversations/" + id).then().body("conversation.mutedForever", equalTo(false));
        Account stranger = TestAccounts.signUp();
        as(stranger).body(Map.of("duration", "8h")).put("/api/conversations/" + id + "/mute").then().statusCode(404);
        as(stranger).delete("/api/conversations/" + id + "/mute").then().statusCode(404);
    }

    @Test
    void createsTheDirectConversationOnceThenReturnsIt() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = as(a).body(Map.of("userId", b.id())).post("/api/conversations/direct").then().statusCode(201)
                .body("conversation.type", equalTo("direct"))
                .body("conversation.name", equalTo("Test User"))
                .body("conversation.members.id", containsInAnyOrder(a.id(), b.id()))
                .body("conversation.lastMessage", nullValue())
                .body("conversation.unreadCount", equalTo(0))
                .extract().path("conversation.id");
        as(b).body(Map.of("userId", a.id())).post("/api/conversations/direct").then().statusCode(200)
                .body("conversation.id", equalTo(id));
    }

    @Test
    void simultaneousDirectRequestsFromBothSidesMakeOneConversation() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Account from = i % 2 == 0 ? a : b;
            Account to = i % 2 == 0 ? b : a;
            calls.add(CompletableFuture.supplyAsync(() -> as(from).body(Map.of("userId", to.id()))
                    .post("/api/conversations/direct").then().extract().path("conversation.id")));
        }
        Set<String> ids = new HashSet<>();
        calls.forEach(c -> ids.add(c.join()));
        assertEquals(1, ids.size());
        as(a).get("/api/conversations").then().body("conversations.findAll { it.type == 'direct' }", hasSize(1));
    }

    @Test
    void refusesDirectConversationsWithYourselfOrNobody() {
        Account a = TestAccounts.signUp();
        as(a).body(Map.of("userId", a.id())).post("/api/conversations/direct").then().statusCode(400)
                .body("error.code", equalTo("validation_failed"));
        as(a).body(Map.of("userId", "nobody")).post("/api/conversations/direct").then().statusCode(400);
        as(a).body("{}").post("/api/conversations/direct").then().statusCode(400);
    }

    @Test
    void createsGroupsWithTheCreatorAsOwnerAndValidatesThem() {
        Account owner = TestAccounts.signUp();
        Account m = TestAccounts.signUp();
        as(owner).body(Map.of("name", "  Launch  ", "memberIds", List.of(m.id()))).post("/api/conversations/groups")
                .then().statusCode(201)
                .body("conversation.type", equalTo("group"))
                .body("conversation.name", equalTo("Launch"))
                .body("conversation.members.find { it.id == '" + owner.id() + "' }.role", equalTo("owner"))
                .body("conversation.members.find { it.id == '" + m.id() + "' }.role", equalTo("member"));
        as(owner).body(Map.of("name", "x".repeat(81), "memberIds", List.of())).post("/api/conversations/groups")
                .then().statusCode(400).body("error.fields.name", notNullValue());
        as(owner).body(Map.of("name", "ok", "memberIds", List.of("ghost"))).post("/api/conversations/groups")
                .then().statusCode(400).body("error.fields.memberIds", notNullValue());
    }

    @Test
    void listsConversationsByRecentActivityWithPreviewAndUnreadCount() {
        Account me = TestAccounts.signUp();
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String first = TestChats.direct(me, a);
        String second = TestChats.direct(me, b);
        TestChats.send(a, first, "one");
        TestChats.send(a, first, "two");
        as(me).get("/api/conversations").then().statusCode(200)
                .body("conversations.id", contains(first, second))
                .body("conversations[0].lastMessage.text", equalTo("two"))
                .body("conversations[0].unreadCount", equalTo(2))
                .body("conversations[0].lastSeq", equalTo(2));
        as(me).body(Map.of("seq", 1)).post("/api/conversations/" + first + "/read").then().statusCode(204);
        as(me).get("/api/conversations/" + first).then().body("conversation.unreadCount", equalTo(1))
                .body("conversation.lastReadSeq", equalTo(1));
        as(me).body(Map.of("seq", 0)).post("/api/conversations/" + first + "/read").then().statusCode(204);
        as(me).get("/api/conversations/" + first).then().body("conversation.lastReadSeq", equalTo(1));
    }

    @Test
    void strangersGetNotFoundEverywhere() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        Account stranger = TestAccounts.signUp();
        String id = TestChats.group(a, "private", b);
        String path = "/api/conversations/" + id;
        as(stranger).get(path).then().statusCode(404).body("error.code", equalTo("not_found"));
        as(stranger).body(Map.of("name", "x")).patch(path).then().statusCode(404);
        as(stranger).get(path + "/messages").then().statusCode(404);
        as(stranger).body(Map.of("clientId", "c", "text", "x")).post(path + "/messages").then().statusCode(404);
        as(stranger).body(Map.of("seq", 1)).post(path + "/read").then().statusCode(404);
        as(stranger).body(Map.of("userIds", List.of(stranger.id()))).post(path + "/members").then().statusCode(404);
        as(stranger).delete(path + "/members/" + b.id()).then().statusCode(404);
        as(stranger).body(Map.of("role", "admin")).patch(path + "/members/" + b.id()).then().statusCode(404);
        as(a).get("/api/conversations/does-not-exist").then().statusCode(404);
        given().get(path).then().statusCode(401);
    }

    @Test
    void ownersAndAdminsManageTheGroupAndMembersCannot() {
        Account owner = TestAccounts.signUp();
        Account admin = TestAccounts.signUp();
        Account member = TestAccounts.signUp();
        Account newcomer = TestAccounts.signUp();
        String id = TestChats.group(owner, "Team", admin, member);
        String path = "/api/conversations/" + id;

        as(member).body(Map.of("role", "admin")).patch(path + "/members/" + member.id()).then().statusCode(403)
                .body("error.code", equalTo("forbidden"));
        as(owner).body(Map.of("role", "admin")).patch(path + "/members/" + admin.id()).then().statusCode(200);
        as(owner).body(Map.of("role", "owner")).patch(path + "/members/" + member.id()).then().statusCode(400);

        as(member).body(Map.of("name", "Mine now")).patch(path).then().statusCode(403);
        as(admin).body(Map.of("name", "Renamed")).patch(path).then().statusCode(200).body("conversation.name", equalTo("Renamed"));

        as(member).body(Map.of("userIds", List.of(newcomer.id()))).post(path + "/members").then().statusCode(403);
        as(admin).body(Map.of("userIds", List.of(newcomer.id()))).post(path + "/members").then().statusCode(200)
                .body("conversation.members", hasSize(4));

        as(member).delete(path + "/members/" + newcomer.id()).then().statusCode(403);
        as(admin).delete(path + "/members/" + owner.id()).then().statusCode(403);
        as(admin).delete(path + "/members/" + newcomer.id()).then().statusCode(204);
        as(newcomer).get(path).then().statusCode(404);

        as(member).delete(path + "/members/" + member.id()).then().statusCode(204);
        as(member).get(path).then().statusCode(404);
    }

    @Test
    void whenTheOwnerLeavesAnAdminTakesOver() {
        Account owner = TestAccounts.signUp();
        Account member = TestAccounts.signUp();
        Account admin = TestAccounts.signUp();
        String id = TestChats.group(owner, "Team", member, admin);
        String path = "/api/conversations/" + id;
        as(owner).body(Map.of("role", "admin")).patch(path + "/members/" + admin.id()).then().statusCode(200);
        as(owner).delete(path + "/members/" + owner.id()).then().statusCode(204);
        as(member).get(path).then().body("conversation.members.find { it.id == '" + admin.id() + "' }.role", equalTo("owner"));
    }

    @Test
    void directConversationsNeverChangeMembers() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        Account c = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        as(a).delete("/api/conversations/" + id + "/members/" + a.id()).then().statusCode(400);
        as(a).body(Map.of("userIds", List.of(c.id()))).post("/api/conversations/" + id + "/members").then().statusCode(403);
        as(a).body(Map.of("name", "x")).patch("/api/conversations/" + id).then().statusCode(403);
    }
}
