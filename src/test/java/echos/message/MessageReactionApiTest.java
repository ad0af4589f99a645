package echos.message;

import static echos.auth.TestAccounts.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import echos.realtime.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MessageReactionApiTest {

    private static final String THUMBS_UP = "\uD83D\uDC4D";
    private static final String HEART = "\u2764\uFE0F";
    private static final String WAVE_MEDIUM_SKIN = "\uD83D\uDC4B\uD83C\uDFFD";

    @TestHTTPResource("/ws")
    URI http;

    private static String messages(String conversationId) {
        return "/api/conversations/" + conversationId + "/messages";
    }

    private static String sendId(Account from, String conversationId, String text) {
        return as(from).body(Map.of("clientId", UUID.randomUUID().toString(), "text", text)).post(messages(conversationId))
                .then().statusCode(201).extract().path("message.id");
    }

    /** The path as a browser's encodeURIComponent builds it; rawSegment goes in as given (already encoded). */
    private static String reactions(String conversationId, String messageId, String rawSegment) {
        return messages(conversationId) + "/" + messageId + "/reactions/" + rawSegment;
    }

    private static String encoded(String emoji) {
        return URLEncoder.encode(emoji, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ValidatableResponse put(Account who, String conversationId, String messageId, String emoji) {
        return as(who).urlEncodingEnabled(false).put(reactions(conversationId, messageId, encoded(emoji))).then();
    }

    private static ValidatableResponse delete(Account who, String conversationId, String messageId, String emoji) {
        return as(who).urlEncodingEnabled(false).delete(reactions(conversationId, messageId, encoded(emoji))).then();
    }

    @Test
    void addAndRemoveAnswerTheMessageWithCountsAndWhoReacted() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        String m = sendId(a, id, "pizza tonight?");
        put(b, id, m, THUMBS_UP).statusCode(200)
                .body("message.id", equalTo(m))
                .body("message.reactions", hasSize(1))
                .body("message.reactions[0].emoji", equalTo(THUMBS_UP))
                .body("message.reactions[0].count", equalTo(1))
                .body("message.reactions[0].userIds", contains(b.id()));
        put(a, id, m, THUMBS_UP).statusCode(200).body("message.reactions[0].count", equalTo(2))
                .body("message.reactions[0].userIds", contains(b.id(), a.id()));
        put(a, id, m, WAVE_MEDIUM_SKIN).statusCode(200).body("message.reactions.emoji", contains(THUMBS_UP, WAVE_MEDIUM_SKIN));
        put(a, id, m, THUMBS_UP).statusCode(200).body("message.reactions[0].count", equalTo(2)); // a retry changes nothing
        as(b).get(messages(id)).then().statusCode(200).body("messages[0].reactions.emoji", contains(THUMBS_UP, WAVE_MEDIUM_SKIN));
        as(b).get("/api/conversations/" + id).then().body("conversation.lastMessage.reactions[0].count", equalTo(2));

        delete(b, id, m, THUMBS_UP).statusCode(200).body("message.reactions[0].userIds", contains(a.id()));
        delete(b, id, m, THUMBS_UP).statusCode(200).body("message.reactions[0].count", equalTo(1)); // a retry changes nothing
        delete(a, id, m, WAVE_MEDIUM_SKIN).statusCode(200).body("message.reactions.emoji", contains(THUMBS_UP));
        long changes = as(a).get("/api/conversations/" + id + "/changes").then().statusCode(200)
                .extract().<List<?>>path("changes").size();
        assertEquals(5, changes, "three adds and two removes; the retries took no change number");
    }

    @Test
    void aReactionReachesTheOtherMemberLiveAndIsReplayedAfterAReconnect() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        String m = sendId(a, id, "react live");
        try (TestSocket a1 = TestSocket.of(http, a); TestSocket b1 = TestSocket.of(http, b)) {
            b1.send("reaction.add", "r1", Map.of("conversationId", id, "messageId", m, "emoji", HEART));
            JsonNode answer = b1.await("message.updated", f -> "r1".equals(f.path("ref").asText()), Duration.ofSeconds(10));
            assertEquals(HEART, answer.at("/data/message/reactions/0/emoji").asText());
            JsonNode live = a1.await("message.updated");
            assertEquals(m, live.at("/data/message/id").asText());
            assertEquals(b.id(), live.at("/data/message/reactions/0/userIds/0").asText(), "the other member sees who reacted, live");
            b1.send("reaction.add", "r2", Map.of("conversationId", id, "messageId", m, "emoji", "a"));
            JsonNode refused = b1.await("error", f -> "r2".equals(f.path("ref").asText()), Duration.ofSeconds(10));
            assertEquals("validation_failed", refused.at("/data/code").asText());
        }
        long knownChange = as(a).get("/api/conversations/" + id).then().extract().<Integer>path("conversation.lastChange");
        put(b, id, m, THUMBS_UP).statusCode(200);
        try (TestSocket b1 = TestSocket.of(http, b)) {
            b1.send("reaction.remove", "r3", Map.of("conversationId", id, "messageId", m, "emoji", HEART));
            b1.await("message.updated", f -> "r3".equals(f.path("ref").asText()), Duration.ofSeconds(10));
        }
        try (TestSocket a2 = TestSocket.of(http, a)) {
            a2.send("sync", "s", Map.of("positions", Map.of(id, Map.of("seq", 1, "change", knownChange))));
            a2.await("sync.done");
            List<JsonNode> updates = a2.received().stream().filter(f -> "message.updated".equals(f.path("type").asText())).toList();
            assertEquals(List.of(m), updates.stream().map(f -> f.at("/data/message/id").asText()).distinct().toList());
            JsonNode latest = updates.get(updates.size() - 1).at("/data/message/reactions");
            assertEquals(1, latest.size(), "the replay shows the message as it is now: " + latest);
            assertEquals(THUMBS_UP, latest.at("/0/emoji").asText());
        }
    }

    @Test
    void limitsDistinctEmojiPerMessageAndEmojiPerMember() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        String m = sendId(a, id, "everyone react");
        for (int i = 0; i < 10; i++) {
            put(a, id, m, emoji(i)).statusCode(200);
        }
        put(a, id, m, emoji(10)).statusCode(409).body("error.code", equalTo("too_many_own_reactions"));
        put(a, id, m, THUMBS_UP).statusCode(409).body("error.code", equalTo("too_many_own_reactions"));
        for (int i = 10; i < 20; i++) {
            put(b, id, m, emoji(i)).statusCode(200);
        }
        Account c = TestAccounts.signUp();
        String group = TestChats.group(a, "group", b, c);
        String g = sendId(a, group, "group message");
        for (int i = 0; i < 10; i++) {
            put(a, group, g, emoji(i)).statusCode(200);
            put(b, group, g, emoji(10 + i)).statusCode(200);
        }
        put(c, group, g, emoji(20)).statusCode(409).body("error.code", equalTo("too_many_reactions"));
        put(c, group, g, emoji(3)).statusCode(200).body("message.reactions", hasSize(20)); // one already there is fine
        as(c).get(messages(group)).then().body("messages[0].reactions", hasSize(20));
    }

    private static String emoji(int i) {
        return new String(Character.toChars(0x1F600 + i));
    }

    @Test
    void badEmojiAreRefusedAs400JsonNever500() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        String m = sendId(a, id, "x");
        for (String raw : List.of("a", "1", "%20", "%00", "%0A", "x".repeat(1000), encoded(THUMBS_UP.repeat(17)), encoded(THUMBS_UP + "a"),
                "%F0%9F", "%25", encoded("<script>"))) {
            as(b).urlEncodingEnabled(false).put(reactions(id, m, raw)).then().log().ifValidationFails().statusCode(400)
                    .body("error.code", equalTo("validation_failed")).body("error.fields.emoji", notNullValue());
            as(b).urlEncodingEnabled(false).delete(reactions(id, m, raw)).then().statusCode(400)
                    .body("error.code", equalTo("validation_failed"));
        }
        as(b).put(messages(id) + "/" + m + "/reactions").then().statusCode(400).body("error.code", equalTo("validation_failed"));
        as(b).put(messages(id) + "/" + m + "/reactions/").then().statusCode(400).body("error.code", equalTo("validation_failed"));
        as(b).get(messages(id)).then().body("messages[0].reactions", hasSize(0));
    }

    @Test
    void strangersUnknownAndDeletedMessagesGet404() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        Account stranger = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        String m = sendId(a, id, "private");
        put(stranger, id, m, THUMBS_UP).statusCode(404).body("error.code", equalTo("not_found"));
        delete(stranger, id, m, THUMBS_UP).statusCode(404);
        put(b, id, UUID.randomUUID().toString(), THUMBS_UP).statusCode(404).body("error.code", equalTo("not_found"));
        put(b, id, "x".repeat(200), THUMBS_UP).statusCode(404);
        String elsewhere = sendId(a, TestChats.direct(a, stranger), "other conversation");
        put(b, id, elsewhere, THUMBS_UP).statusCode(404);
        put(b, id, m, THUMBS_UP).statusCode(200);
        as(a).delete(messages(id) + "/" + m).then().statusCode(204);
        put(b, id, m, HEART).statusCode(404);
        delete(b, id, m, THUMBS_UP).statusCode(404);
        as(a).get(messages(id)).then().body("messages[0].deleted", equalTo(true)).body("messages[0].reactions", hasSize(0));
    }
}
