package echos.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Socket.IO endpoint's own bounds (ping timeout, connect timeout, pending sessions) and the /ws limits it shares. */
@QuarkusTest
@TestProfile(TightSocketIo.class)
class SocketIoLimitsTest {

    @TestHTTPResource("/")
    URI base;

    private static Map<String, String> cookie(Account account) {
        return Map.of("Cookie", "jwt=" + account.token());
    }

    private static String last(List<String> packets) {
        return packets.get(packets.size() - 1);
    }

    private EngineIoClient connected(Account account) throws Exception {
        EngineIoClient client = EngineIoClient.websocket(base, Map.of());
        client.connect("40{\"token\":\"" + account.token() + "\"}");
        return client;
    }

    @Test
    void aSessionThatStopsAnsweringPingsIsClosedAndOneThatAnswersStays() throws Exception {
        Account ann = TestAccounts.signUp();
        try (EngineIoClient silent = EngineIoClient.polling(base, cookie(ann)); EngineIoClient alive = EngineIoClient.polling(base, cookie(ann))) {
            silent.send("40");
            alive.send("40");
            long until = System.nanoTime() + Duration.ofMillis(8 * TightSocketIo.PING_MILLIS).toNanos();
            while (System.nanoTime() < until) {
                for (String packet : alive.poll()) {
                    if ("2".equals(packet)) {
                        alive.send("3");
                    }
                }
            }
            HttpResponse<String> gone = silent.get("EIO=4&transport=polling&sid=" + silent.sid());
            assertEquals(400, gone.statusCode(), gone.body());
            assertEquals(1, EngineIoClient.JSON.readTree(gone.body()).get("code").asInt());
            alive.send("42[\"ping\",{}]");
            assertEquals("42[\"pong\",{}]", last(alive.pollUntil("42[\"pong\"", Duration.ofSeconds(5))));
        }
    }

    @Test
    void aSessionThatNeverConnectsIsClosedAfterTheConnectTimeoutEvenWhileAnsweringPings() throws Exception {
        try (EngineIoClient idle = EngineIoClient.polling(base, Map.of())) {
            long opened = System.nanoTime();
            List<String> seen = new ArrayList<>();
            boolean closed = false;
            while (!closed && System.nanoTime() - opened < Duration.ofSeconds(10).toNanos()) {
                HttpResponse<String> poll = idle.get("EIO=4&transport=polling&sid=" + idle.sid());
                if (poll.statusCode() != 200) {
                    closed = true;
                    continue;
                }
                for (String packet : poll.body().split(EngineIoClient.SEPARATOR)) {
                    seen.add(packet);
                    closed |= "1".equals(packet);
                    if ("2".equals(packet)) {
                        idle.send("3");
                    }
                }
            }
            long millis = Duration.ofNanos(System.nanoTime() - opened).toMillis();
            assertTrue(closed, "still open after 10 s: " + seen);
            assertTrue(seen.contains("2"), "pings came and were answered: " + seen);
            assertTrue(millis >= TightSocketIo.CONNECT_TIMEOUT_MILLIS - 100, "closed after " + millis + " ms");
        }
    }

    @Test
    void sessionsWaitingToConnectAreCapped() throws Exception {
        Thread.sleep(TightSocketIo.CONNECT_TIMEOUT_MILLIS + 500); // what other tests left open has timed out
        List<EngineIoClient> waiting = new ArrayList<>();
        try {
            for (int i = 0; i < TightSocketIo.MAX_PENDING; i++) {
                waiting.add(EngineIoClient.polling(base, Map.of()));
            }
            HttpResponse<String> refused = EngineIoClientRequests.get(base, "EIO=4&transport=polling", Map.of());
            assertEquals(503, refused.statusCode(), refused.body());
            Thread.sleep(TightSocketIo.CONNECT_TIMEOUT_MILLIS + 500);
            EngineIoClient.polling(base, Map.of()).close();
        } finally {
            waiting.forEach(EngineIoClient::close);
        }
    }

    @Test
    void anAccountOverTheSocketCapLosesItsOldestConnectionForGood() throws Exception {
        Account ann = TestAccounts.signUp();
        try (EngineIoClient first = connected(ann); EngineIoClient second = connected(ann); EngineIoClient third = connected(ann)) {
            List<String> seen = first.pollUntil("41", Duration.ofSeconds(10));
            String closing = seen.stream().filter(p -> p.startsWith("42[\"closing\"")).findFirst().orElseThrow();
            assertEquals(4029, EngineIoClient.JSON.readTree(closing.substring(2)).get(1).get("code").asInt());
            for (EngineIoClient kept : List.of(second, third)) {
                kept.send("42[\"ping\",{}]");
                assertEquals("42[\"pong\",{}]", last(kept.pollUntil("42[\"pong\"", Duration.ofSeconds(5))));
            }
        }
    }

    @Test
    void sendsOverSocketIoSpendTheSameSendBudget() throws Exception {
        Account ann = TestAccounts.signUp();
        Account bob = TestAccounts.signUp();
        String chat = TestChats.direct(ann, bob);
        try (EngineIoClient client = connected(ann)) {
            List<String> codes = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                client.send("42" + i + "[\"message.send\",{\"conversationId\":\"" + chat + "\",\"clientId\":\"" + UUID.randomUUID()
                        + "\",\"text\":\"m" + i + "\"}]");
                JsonNode ack = EngineIoClient.JSON.readTree(last(client.pollUntil("43" + i + "[", Duration.ofSeconds(10))).substring(2 + String.valueOf(i).length())).get(0);
                codes.add(ack.has("error") ? ack.path("error").path("code").asText() : "sent");
            }
            // the budget also paid for the direct conversation's creation, so 2 or 3 sends go through before the refusal
            assertEquals("sent", codes.get(0), codes.toString());
            assertEquals("rate_limited", codes.get(4), codes.toString());
        }
    }

    @Test
    void aPollingClientThatStopsPollingIsClosedAsASlowConsumerAndMayReconnect() throws Exception {
        Account ann = TestAccounts.signUp();
        Account bob = TestAccounts.signUp();
        String chat = TestChats.direct(bob, ann);
        try (EngineIoClient client = EngineIoClient.polling(base, cookie(ann))) {
            client.connect("40");
            // two messages of 2,000 characters wait for a poll that does not come: over the 3,000-byte bound
            TestChats.send(bob, chat, "a".repeat(2000));
            TestChats.send(bob, chat, "b".repeat(2000));
            List<String> seen = client.pollUntil("42[\"closing\"", Duration.ofSeconds(10));
            assertEquals(4008, EngineIoClient.JSON.readTree(last(seen).substring(2)).get(1).get("code").asInt());
            assertTrue(seen.stream().noneMatch(p -> p.startsWith("41")), "no DISCONNECT: the client reconnects and syncs " + seen);
            HttpResponse<String> after = client.get("EIO=4&transport=polling&sid=" + client.sid());
            assertTrue(after.statusCode() == 400 || after.body().equals("1"), after.body());
        }
    }

    @Test
    void loggingOutEndsTheConnectionForGood() throws Exception {
        Account ann = TestAccounts.signUp();
        try (EngineIoClient client = connected(ann)) {
            TestAccounts.as(ann).post("/api/auth/logout").then().statusCode(204);
            List<String> seen = client.pollUntil("41", Duration.ofSeconds(10));
            String closing = seen.stream().filter(p -> p.startsWith("42[\"closing\"")).findFirst().orElseThrow();
            assertEquals(4403, EngineIoClient.JSON.readTree(closing.substring(2)).get(1).get("code").asInt());
        }
    }
}
