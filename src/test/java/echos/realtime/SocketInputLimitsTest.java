package echos.realtime;

import static echos.auth.TestAccounts.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import echos.media.MediaUploads;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text limits hold on the socket exactly as over HTTP: counted as stored, no control characters, frame size. */
@QuarkusTest
class SocketInputLimitsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int TEXT_MAX = 4000;

    @TestHTTPResource("/ws")
    URI http;

    private TestSocket connect(Account account) {
        return TestSocket.of(http, account);
    }

    private record Chat(Account me, Account other, String id) {
    }

    private static Chat chat() {
        Account me = TestAccounts.signUp();
        Account other = TestAccounts.signUp();
        return new Chat(me, other, TestChats.direct(me, other));
    }

    /** Sends a frame and returns the frame that answers it (same ref): an ack, an update, or an error. */
    private static JsonNode answer(TestSocket socket, String type, String ref, Map<String, Object> data) {
        socket.send(type, ref, data);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode f : socket.received()) {
                if (ref.equals(f.path("ref").asText()) && !f.has("_answered")) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) f).put("_answered", true);
                    return f;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no answer to " + ref);
    }

    private static void assertRefusedText(JsonNode answer) {
        assertEquals("error", answer.path("type").asText(), answer.toString());
        assertEquals("validation_failed", answer.at("/data/code").asText(), answer.toString());
        assertFalse(answer.at("/data/fields/text").isMissingNode(), answer.toString());
    }

    private static int stored(Chat chat) {
        List<?> messages = as(chat.me()).get("/api/conversations/" + chat.id() + "/messages").then().statusCode(200)
                .extract().path("messages");
        return messages.size();
    }

    @Test
    void refusesTextPaddedPastTheLimitWithSpacesLikeHttp() {
        Chat chat = chat();
        String padded = "hello" + " ".repeat(TEXT_MAX);
        try (TestSocket socket = connect(chat.me())) {
            assertRefusedText(answer(socket, "message.send", "s1", Map.of("conversationId", chat.id(), "clientId", "pad-1", "text", padded)));
            JsonNode ok = answer(socket, "message.send", "s2", Map.of("conversationId", chat.id(), "clientId", "pad-2", "text", "  fine  "));
            assertEquals("message.ack", ok.path("type").asText(), ok.toString());
            String id = ok.at("/data/message/id").asText();
            assertRefusedText(answer(socket, "message.edit", "s3", Map.of("conversationId", chat.id(), "messageId", id, "text", padded)));
        }
        Response overHttp = as(chat.me()).body(Map.of("clientId", "pad-3", "text", padded)).post("/api/conversations/" + chat.id() + "/messages");
        assertEquals(400, overHttp.statusCode());
        // what is kept is the same whichever way it came: the socket's "  fine  " is stored as sent, as HTTP stores it
        Response viaHttp = as(chat.me()).body(Map.of("clientId", "pad-4", "text", "  fine  ")).post("/api/conversations/" + chat.id() + "/messages");
        List<String> texts = as(chat.me()).get("/api/conversations/" + chat.id() + "/messages").then().extract().path("messages.text");
        assertEquals("  fine  ", viaHttp.path("message.text"));
        assertEquals(List.of("  fine  ", "  fine  "), texts);
    }

    @Test
    void refusesNulAndEscapeInSentAndEditedText() {
        Chat chat = chat();
        try (TestSocket socket = connect(chat.me())) {
            assertRefusedText(answer(socket, "message.send", "n1", Map.of("conversationId", chat.id(), "clientId", "nul", "text", "a\u0000b")));
            assertRefusedText(answer(socket, "message.send", "n2", Map.of("conversationId", chat.id(), "clientId", "esc", "text", "\u001B[31mred")));
            JsonNode ok = answer(socket, "message.send", "n3", Map.of("conversationId", chat.id(), "clientId", "tab", "text", "tab\tand\nline"));
            assertEquals("message.ack", ok.path("type").asText(), ok.toString());
            String id = ok.at("/data/message/id").asText();
            assertRefusedText(answer(socket, "message.edit", "n4", Map.of("conversationId", chat.id(), "messageId", id, "text", "x\u0000")));
            assertRefusedText(answer(socket, "message.edit", "n5", Map.of("conversationId", chat.id(), "messageId", id, "text", "\u001Bx")));
        }
        assertEquals(1, stored(chat));
    }

    @Test
    void refusesACaptionOverTheLimit() {
        Chat chat = chat();
        String imageId = (String) MediaUploads.png(chat.me()).get("id");
        try (TestSocket socket = connect(chat.me())) {
            assertRefusedText(answer(socket, "message.send", "c1", Map.of("conversationId", chat.id(), "clientId", "cap-1",
                    "imageId", imageId, "text", "x".repeat(TEXT_MAX + 1))));
            assertRefusedText(answer(socket, "message.send", "c2", Map.of("conversationId", chat.id(), "clientId", "cap-2",
                    "imageId", imageId, "text", "caption" + " ".repeat(TEXT_MAX))));
            JsonNode ok = answer(socket, "message.send", "c3", Map.of("conversationId", chat.id(), "clientId", "cap-3",
                    "imageId", imageId, "text", "x".repeat(TEXT_MAX)));
            assertEquals("message.ack", ok.path("type").asText(), ok.toString());
        }
        assertEquals(1, stored(chat));
    }

    @Test
    void aSendFrameOverTheFrameSizeClosesTheSocketWith1009AndStoresNothing() {
        Chat chat = chat();
        try (TestSocket socket = connect(chat.me())) {
            socket.send("message.send", "big", Map.of("conversationId", chat.id(), "clientId", "big", "text", "\uD83D\uDE00".repeat(17_000)));
            assertEquals(1009, socket.awaitClose(WAIT));
        }
        assertEquals(0, stored(chat));
    }
}
