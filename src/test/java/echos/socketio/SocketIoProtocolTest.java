package echos.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import echos.realtime.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Engine.IO 4 / Socket.IO 5 at /socket.io/, spoken by hand packet by packet (the Node tests use socket.io-client). */
@QuarkusTest
class SocketIoProtocolTest {

    @TestHTTPResource("/")
    URI base;

    @TestHTTPResource("/ws")
    URI ws;

    private static Map<String, String> cookie(Account account) {
        return Map.of("Cookie", "jwt=" + account.token());
    }

    private static JsonNode json(String text) throws Exception {
        return EngineIoClient.JSON.readTree(text);
    }

    @Test
    void handshakeOverPollingGivesTheEngineIo4OpenPacket() throws Exception {
        try (EngineIoClient client = EngineIoClient.polling(base, Map.of())) {
            JsonNode open = client.handshake();
            assertTrue(open.get("sid").asText().length() >= 20);
            assertEquals("[\"websocket\"]", open.get("upgrades").toString());
            assertEquals(25000, open.get("pingInterval").asInt());
            assertEquals(20000, open.get("pingTimeout").asInt());
            assertEquals(65536, open.get("maxPayload").asInt());
        }
    }

    @Test
    void requestsEngineIoServersRefuseAreRefusedWithTheirCodes() throws Exception {
        try (EngineIoClient client = EngineIoClient.polling(base, Map.of())) {
            assertRefused(client.get("EIO=3&transport=polling"), 400, 5);
            assertRefused(client.get("EIO=4&transport=flashsocket"), 400, 0);
            assertRefused(client.get("EIO=4&transport=polling&sid=nosuchsession"), 400, 1);
            assertRefused(client.post("EIO=4&transport=polling", "40"), 400, 2);
            assertRefused(client.get("EIO=4&transport=websocket"), 400, 3);
        }
    }

    @Test
    void aForeignOriginIsForbiddenAndAnAllowedOneGetsCorsHeaders() throws Exception {
        try (EngineIoClient client = EngineIoClient.polling(base, Map.of())) {
            HttpResponse<String> foreign = EngineIoClientRequests.get(base, "EIO=4&transport=polling", Map.of("Origin", "https://evil.example"));
            assertRefused(foreign, 403, 4);
            HttpResponse<String> allowed = EngineIoClientRequests.get(base, "EIO=4&transport=polling", Map.of("Origin", "http://localhost:5173"));
            assertEquals(200, allowed.statusCode());
            assertEquals(java.util.Optional.of("http://localhost:5173"), allowed.headers().firstValue("Access-Control-Allow-Origin"));
            assertEquals(java.util.Optional.of("true"), allowed.headers().firstValue("Access-Control-Allow-Credentials"));
        }
    }

    @Test
    void connectingWithoutASessionIsRefusedWithAConnectError() throws Exception {
        try (EngineIoClient client = EngineIoClient.polling(base, Map.of())) {
            client.send("40");
            String refused = last(client.pollUntil("44", Duration.ofSeconds(10)));
            assertTrue(json(refused.substring(2)).get("message").asText().contains("Log in"), json(refused.substring(2)).get("message").asText());
        }
        try (EngineIoClient client = EngineIoClient.polling(base, Map.of())) {
            client.send("40{\"token\":\"not.a.token\"}");
            String refused = last(client.pollUntil("44", Duration.ofSeconds(10)));
            assertTrue(json(refused.substring(2)).get("message").asText().contains("log in again"), json(refused.substring(2)).get("message").asText());
        }
    }

    @Test
    void aRevokedSessionCannotConnect() throws Exception {
        Account ann = TestAccounts.signUp();
        TestAccounts.as(ann).post("/api/auth/logout").then().statusCode(204);
        try (EngineIoClient client = EngineIoClient.polling(base, cookie(ann))) {
            client.send("40");
            String answer = last(client.pollUntil("4", Duration.ofSeconds(10)));
            assertTrue(answer.startsWith("44"), answer);
        }
    }

    @Test
    void theSessionCookieConnectsAChattyClientThatSeesItselfOnlineAndAnEventWithAnAckIsAnsweredAsThatAck() throws Exception {
        Account ann = TestAccounts.signUp();
        try (EngineIoClient client = EngineIoClient.pollingAsChatty(base, cookie(ann), ann.id())) {
            client.send("40");
            List<String> seen = client.pollUntil("42[\"getOnlineUsers\"", Duration.ofSeconds(10));
            assertTrue(seen.stream().filter(p -> p.startsWith("40")).findFirst().isPresent());
            assertFalse(json(seen.stream().filter(p -> p.startsWith("40")).findFirst().orElseThrow().substring(2)).get("sid").asText().isBlank());
            assertEquals("42[\"getOnlineUsers\",[\"" + ann.id() + "\"]]", last(seen));

            client.send("4217[\"ping\",{}]");
            assertEquals("4317[{}]", last(client.pollUntil("43", Duration.ofSeconds(10))));

            client.send("429[\"no.such.event\",{}]");
            JsonNode refused = json(last(client.pollUntil("43", Duration.ofSeconds(10))).substring(3));
            assertEquals("unknown_type", refused.get(0).path("error").path("code").asText());
        }
    }

    @Test
    void anAuthTokenConnectsOverAWebSocketFromTheStart() throws Exception {
        Account ann = TestAccounts.signUp();
        try (EngineIoClient client = EngineIoClient.websocket(base, Map.of())) {
            assertEquals("[]", client.handshake().get("upgrades").toString());
            client.send("40{\"token\":\"" + ann.token() + "\"}");
            assertFalse(client.pollUntil("40", Duration.ofSeconds(10)).isEmpty());
            client.send("421[\"ping\",{}]");
            assertEquals("431[{}]", last(client.pollUntil("43", Duration.ofSeconds(10))));
        }
    }

    @Test
    void aPollingSessionUpgradesToAWebSocketAndPollingEndsThere() throws Exception {
        Account ann = TestAccounts.signUp();
        try (EngineIoClient client = EngineIoClient.polling(base, cookie(ann))) {
            client.connect("40");
            client.upgrade();
            client.send("42[\"ping\",{}]");
            assertEquals("42[\"pong\",{}]", last(client.pollUntil("42[\"pong\"", Duration.ofSeconds(10))));
            assertRefused(client.get("EIO=4&transport=polling&sid=" + client.sid()), 400, 3);
        }
    }

    @Test
    void aHeldPollIsReleasedWithANoopWhenTheClientProbesAWebSocket() throws Exception {
        Account ann = TestAccounts.signUp();
        try (EngineIoClient client = EngineIoClient.polling(base, cookie(ann))) {
            client.connect("40");
            var held = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return client.poll();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            client.upgrade();
            assertEquals(List.of("6"), held.get(10, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @Test
    void aPollSentWhileTheClientProbesIsAnsweredAtOnceSoItCanSwitch() throws Exception {
        Account ann = TestAccounts.signUp();
        try (EngineIoClient client = EngineIoClient.polling(base, cookie(ann))) {
            client.connect("40");
            client.openSocket("EIO=4&transport=websocket&sid=" + client.sid());
            client.rawSocket().sendText("2probe", true).get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals("3probe", client.nextWs(Duration.ofSeconds(5)));
            long started = System.nanoTime();
            HttpResponse<String> poll = client.get("EIO=4&transport=polling&sid=" + client.sid());
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertEquals("6", poll.body());
            assertTrue(millis < 2000, "answered after " + millis + " ms, not held until the next ping");
        }
    }

    @Test
    void anUnknownNamespaceIsRefused() throws Exception {
        Account ann = TestAccounts.signUp();
        try (EngineIoClient client = EngineIoClient.polling(base, cookie(ann))) {
            client.send("40/admin,");
            assertEquals("44/admin,{\"message\":\"Invalid namespace\"}", last(client.pollUntil("44", Duration.ofSeconds(10))));
        }
    }

    @Test
    void messagesFlowBetweenSocketIoAndTheRawWebSocketBothWays() throws Exception {
        Account ann = TestAccounts.signUpAs("Ann");
        Account bob = TestAccounts.signUpAs("Bob");
        String chat = TestChats.direct(ann, bob);
        try (EngineIoClient annIo = EngineIoClient.pollingAsChatty(base, cookie(ann), ann.id()); TestSocket bobWs = TestSocket.of(ws, bob)) {
            annIo.connect("40");

            String clientId = UUID.randomUUID().toString();
            annIo.send("425[\"message.send\",{\"conversationId\":\"" + chat + "\",\"clientId\":\"" + clientId + "\",\"text\":\"hello from socket.io\"}]");
            JsonNode ack = json(last(annIo.pollUntil("435", Duration.ofSeconds(10))).substring(3)).get(0);
            assertEquals(clientId, ack.path("clientId").asText());
            assertEquals(1, ack.path("message").path("seq").asLong());
            JsonNode arrived = bobWs.await("message.new");
            assertEquals("hello from socket.io", arrived.path("data").path("message").path("text").asText());

            bobWs.send("message.send", "b1", Map.of("conversationId", chat, "clientId", UUID.randomUUID().toString(), "text", "hi back"));
            List<String> seen = annIo.pollUntil("42[\"newMessage\"", Duration.ofSeconds(10));
            String echos = seen.stream().filter(p -> p.startsWith("42[\"message.new\"")).findFirst().orElseThrow();
            JsonNode echosData = json(echos.substring(2)).get(1);
            assertEquals("hi back", echosData.path("message").path("text").asText());
            assertEquals("direct", echosData.path("conversationType").asText());
            JsonNode chatty = json(last(seen).substring(2)).get(1);
            assertEquals(bob.id(), chatty.path("senderId").asText());
            assertEquals(ann.id(), chatty.path("receiverId").asText());
            assertEquals("hi back", chatty.path("text").asText());
            assertEquals(echosData.path("message").path("id").asText(), chatty.path("_id").asText());
            assertTrue(chatty.path("createdAt").asText().contains("T"), chatty.path("createdAt").asText());
        }
    }

    @Test
    void aClientThatDoesNotConnectAsChattyGetsNoChattyEvents() throws Exception {
        Account ann = TestAccounts.signUpAs("Ann");
        Account bob = TestAccounts.signUpAs("Bob");
        String chat = TestChats.direct(ann, bob);
        try (EngineIoClient annIo = EngineIoClient.polling(base, cookie(ann)); TestSocket bobWs = TestSocket.of(ws, bob)) {
            List<String> seen = new java.util.ArrayList<>(annIo.connect("40"));
            bobWs.send("message.send", "b1", Map.of("conversationId", chat, "clientId", UUID.randomUUID().toString(), "text", "hi"));
            seen.addAll(annIo.pollUntil("42[\"message.new\"", Duration.ofSeconds(10)));
            // a newMessage would be written right after message.new: a ping answered after it shows none came
            annIo.send("42[\"ping\",{}]");
            seen.addAll(annIo.pollUntil("42[\"pong\"", Duration.ofSeconds(10)));
            assertTrue(seen.stream().noneMatch(p -> p.startsWith("42[\"newMessage\"") || p.startsWith("42[\"getOnlineUsers\"")), seen.toString());
        }
    }

    @Test
    void aBinaryEventIsReadWholeAndRefused() throws Exception {
        Account ann = TestAccounts.signUp();
        try (EngineIoClient client = EngineIoClient.polling(base, cookie(ann))) {
            client.connect("40");
            String attachment = "b" + Base64.getEncoder().encodeToString("raw bytes".getBytes(StandardCharsets.UTF_8));
            client.send("451-3[\"upload\",{\"_placeholder\":true,\"num\":0}]", attachment);
            JsonNode refused = json(last(client.pollUntil("43", Duration.ofSeconds(10))).substring(3));
            assertEquals("binary_not_supported", refused.get(0).path("error").path("code").asText());
            client.send("42[\"ping\",{}]");
            assertEquals("42[\"pong\",{}]", last(client.pollUntil("42[\"pong\"", Duration.ofSeconds(10))));
        }
    }

    @Test
    void aPacketOverTheFrameSizeLimitClosesTheWebSocketAndAnOversizedPostIsRefused() throws Exception {
        Account ann = TestAccounts.signUp();
        String big = "42[\"ping\",{\"pad\":\"" + "x".repeat(70_000) + "\"}]";
        try (EngineIoClient client = EngineIoClient.websocket(base, Map.of())) {
            client.send("40{\"token\":\"" + ann.token() + "\"}");
            client.pollUntil("40", Duration.ofSeconds(10));
            client.rawSocket().sendText(big, true);
            int code = client.wsClosed.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(code == 1009 || code == -1, "closed with " + code);
        }
        try (EngineIoClient client = EngineIoClient.polling(base, cookie(ann))) {
            HttpResponse<String> refused = client.post("EIO=4&transport=polling&sid=" + client.sid(), big);
            assertEquals(413, refused.statusCode());
        }
    }

    private static String last(List<String> packets) {
        return packets.get(packets.size() - 1);
    }

    private static void assertRefused(HttpResponse<String> response, int status, int code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, json(response.body()).get("code").asInt());
    }
}
