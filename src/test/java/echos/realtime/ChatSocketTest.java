package echos.realtime;

import static echos.auth.TestAccounts.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import echos.common.time.MovableClock;
import echos.conversation.TestChats;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChatSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/ws")
    URI http;

    @Inject
    IdleSockets idleSockets;

    @Inject
    ExpiredSessions expiredSessions;

    @Inject
    Connections connections;

    @Inject
    @Any
    InjectableInstance<AgroalDataSource> pools;

    @Inject
    echos.storage.StorageBackend backend;

    @Inject
    echos.message.MessageStore messageStore;

    private URI ws() {
        return TestSocket.wsOf(http);
    }

    private String ownOrigin() {
        return "http://" + http.getHost() + ":" + http.getPort();
    }

    private TestSocket connect(Account account) {
        return TestSocket.connect(ws(), account.token());
    }

    /** A direct conversation in which both have written: contacts, who see each other's presence. */
    private static void contacts(Account a, Account b) {
        String id = TestChats.direct(a, b);
        TestChats.send(a, id, "hi");
        TestChats.send(b, id, "hi back");
    }

    private int refusedStatus(Map<String, String> headers) {
        CompletionException e = assertThrows(CompletionException.class, () -> TestSocket.connect(ws(), headers));
        Throwable cause = e.getCause();
        assertTrue(cause instanceof WebSocketHandshakeException, "expected a refused handshake, got " + cause);
        return ((WebSocketHandshakeException) cause).getResponse().statusCode();
    }

    @Test
    void refusesTheUpgradeWithoutAValidUnrevokedSession() {
        assertEquals(401, refusedStatus(Map.of()));
        assertEquals(401, refusedStatus(Map.of("Authorization", "Bearer nonsense")));
        Account a = TestAccounts.signUp();
        given().header("Authorization", "Bearer " + a.token()).post("/api/auth/logout").then().statusCode(204);
        assertEquals(401, refusedStatus(Map.of("Authorization", "Bearer " + a.token())));
        assertEquals(401, refusedStatus(Map.of("Cookie", "jwt=" + a.token())));
    }

    @Test
    void loggingOutClosesTheSocketsOfThatSessionOnly() {
        Account a = TestAccounts.signUp();
        String otherToken = TestAccounts.logIn(a.email(), TestAccounts.PASSWORD).path("token");
        try (TestSocket doomed = connect(a); TestSocket kept = TestSocket.connect(ws(), otherToken)) {
            given().header("Authorization", "Bearer " + a.token()).post("/api/auth/logout").then().statusCode(204);
            assertEquals(4403, doomed.awaitClose(WAIT));
            kept.send("ping", "alive", Map.of());
            assertEquals("alive", kept.await("pong").path("ref").asText());
        }
    }

    @Test
    void refusesForeignOriginsAndAcceptsItsOwnAndTheCookie() {
        Account a = TestAccounts.signUp();
        assertEquals(403, refusedStatus(Map.of("Cookie", "jwt=" + a.token(), "Origin", "https://evil.example")));
        try (TestSocket socket = TestSocket.connect(ws(), Map.of("Cookie", "jwt=" + a.token(), "Origin", ownOrigin()))) {
            socket.send("ping", "p1", Map.of());
            assertEquals("p1", socket.await("pong").path("ref").asText());
        }
    }

    @Test
    void deliversToEveryOpenSocketOfEveryMemberAndAcksTheSender() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        try (TestSocket aTab1 = connect(a); TestSocket aTab2 = connect(a);
                TestSocket b1 = connect(b); TestSocket b2 = connect(b); TestSocket b3 = connect(b)) {
            aTab1.send("message.send", "r1", Map.of("conversationId", id, "clientId", "c-1", "text", "hello all"));
            JsonNode ack = aTab1.await("message.ack");
            assertEquals("r1", ack.path("ref").asText());
            assertEquals("c-1", ack.at("/data/clientId").asText());
            assertEquals(1, ack.at("/data/message/seq").asLong());
            for (TestSocket other : List.of(aTab2, b1, b2, b3)) {
                JsonNode frame = other.await("message.new");
                assertEquals("hello all", frame.at("/data/message/text").asText());
                assertEquals(a.id(), frame.at("/data/message/senderId").asText());
            }
            assertTrue(aTab1.collect("message.new", Duration.ofMillis(300)).isEmpty(), "the sending socket gets the ack, not a copy");
        }
    }

    @Test
    void aResendWithTheSameClientIdIsAckedWithTheOriginalAndStoredOnce() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        try (TestSocket socket = connect(a); TestSocket receiver = connect(b)) {
            socket.send("message.send", Map.of("conversationId", id, "clientId", "again", "text", "once"));
            JsonNode first = socket.await("message.ack");
            socket.send("message.send", Map.of("conversationId", id, "clientId", "again", "text", "once"));
            JsonNode second = socket.await("message.ack");
            assertEquals(first.at("/data/message/id"), second.at("/data/message/id"));
            receiver.await("message.new");
            assertTrue(receiver.collect("message.new", Duration.ofMillis(300)).size() == 1, "stored and announced once");
        }
        as(a).get("/api/conversations/" + id + "/messages").then().body("messages.size()", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aClientThatMissedOneHundredMessagesGetsEachExactlyOnceInOrderAfterSync() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        TestChats.send(a, id, "before");
        try (TestSocket bOffline = connect(b)) {
            bOffline.await("message.new", f -> true, Duration.ofMillis(1)); // nothing pending; fine to time out
        } catch (AssertionError expected) {
            // b had the first message already (seq 1) and now goes offline
        }
        for (int i = 0; i < 100; i++) {
            TestChats.send(a, id, "missed " + i);
        }
        try (TestSocket b1 = connect(b)) {
            b1.send("sync", "s1", Map.of("positions", Map.of(id, 1)));
            JsonNode done = b1.await("sync.done");
            assertEquals("s1", done.path("ref").asText());
            assertEquals(101, done.at("/data/positions/" + id).asLong());
            List<Long> seqs = b1.received().stream().filter(f -> "message.new".equals(f.path("type").asText()))
                    .map(f -> f.at("/data/message/seq").asLong()).toList();
            assertEquals(LongStream.rangeClosed(2, 101).boxed().toList(), seqs);
        }
    }

    @Test
    void syncComesInPagesThatTheClientAsksForAgainAndReplaysEditsAfterTheMessages() throws Exception {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        if (backend.isSql()) {
            Backlog.insert(pools.getActive(), id, a.id(), 450);
        } else {
            Backlog.append(messageStore, id, a.id(), 450);
        }
        String firstId = id + "-backlog-1";
        as(a).body(Map.of("text", "edited first")).patch("/api/conversations/" + id + "/messages/" + firstId).then().statusCode(200);
        try (TestSocket socket = connect(b)) {
            socket.send("sync", "p1", Map.of("positions", Map.of(id, Map.of("seq", 0, "change", 0))));
            JsonNode first = socket.await("sync.done");
            assertTrue(first.at("/data/more").asBoolean());
            assertEquals(SyncFrames.SYNC_PAGE, first.at("/data/positions/" + id).asLong());
            assertEquals(0, first.at("/data/changes/" + id).asLong(), "edits wait until the messages are complete");
            long seq = first.at("/data/positions/" + id).asLong();
            JsonNode done = first;
            for (int page = 2; done.at("/data/more").asBoolean(); page++) {
                assertTrue(page < 10, "paging does not end");
                socket.send("sync", "p" + page, Map.of("positions", Map.of(id, Map.of("seq", seq, "change",
                        done.at("/data/changes/" + id).asLong()))));
                String ref = "p" + page;
                done = socket.await("sync.done", f -> ref.equals(f.path("ref").asText()), WAIT);
                seq = done.at("/data/positions/" + id).asLong();
            }
            assertEquals(450, seq);
            assertEquals(1, done.at("/data/changes/" + id).asLong());
            List<JsonNode> replayed = socket.received().stream()
                    .filter(f -> f.path("type").asText().startsWith("message.")).toList();
            assertEquals(LongStream.rangeClosed(1, 450).boxed().toList(), replayed.subList(0, 450).stream()
                    .map(f -> f.at("/data/message/seq").asLong()).toList(), "every message once, in order");
            JsonNode edit = replayed.get(450);
            assertEquals("message.updated", edit.path("type").asText(), "the edit comes after all the messages");
            assertEquals("edited first", edit.at("/data/message/text").asText());
            assertEquals(451, replayed.size());
        }
    }

    @Test
    void strangersAreRefusedOnTheSocketAsNotFound() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        Account stranger = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        TestChats.send(a, id, "secret");
        try (TestSocket socket = connect(stranger); TestSocket bSocket = connect(b)) {
            socket.send("message.send", "s", Map.of("conversationId", id, "clientId", "x", "text", "let me in"));
            assertEquals("not_found", socket.await("error", f -> "s".equals(f.path("ref").asText()), WAIT).at("/data/code").asText());
            socket.send("typing", "t", Map.of("conversationId", id));
            assertEquals("not_found", socket.await("error", f -> "t".equals(f.path("ref").asText()), WAIT).at("/data/code").asText());
            socket.send("read", "r", Map.of("conversationId", id, "seq", 1));
            assertEquals("not_found", socket.await("error", f -> "r".equals(f.path("ref").asText()), WAIT).at("/data/code").asText());
            socket.send("sync", "y", Map.of("positions", Map.of(id, 0)));
            JsonNode done = socket.await("sync.done");
            assertTrue(done.at("/data/positions").isEmpty());
            assertTrue(socket.received().stream().noneMatch(f -> "message.new".equals(f.path("type").asText())));
            assertTrue(bSocket.collect("typing", Duration.ofMillis(200)).isEmpty());
        }
    }

    @Test
    void relaysTypingToTheOtherMembersOnly() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        Account c = TestAccounts.signUp();
        String id = TestChats.group(a, "typing", b, c);
        try (TestSocket aSocket = connect(a); TestSocket aOther = connect(a); TestSocket bSocket = connect(b); TestSocket cSocket = connect(c)) {
            aSocket.send("typing", Map.of("conversationId", id));
            for (TestSocket other : List.of(bSocket, cSocket)) {
                JsonNode typing = other.await("typing");
                assertEquals(a.id(), typing.at("/data/userId").asText());
                assertEquals(id, typing.at("/data/conversationId").asText());
            }
            assertTrue(aOther.collect("typing", Duration.ofMillis(300)).isEmpty());
        }
    }

    @Test
    void readReceiptsReachEveryMemberIncludingTheReadersOtherTabs() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        TestChats.send(a, id, "one");
        TestChats.send(a, id, "two");
        try (TestSocket aSocket = connect(a); TestSocket bTab1 = connect(b); TestSocket bTab2 = connect(b)) {
            bTab1.send("delivered", Map.of("conversationId", id, "seq", 2));
            JsonNode delivered = aSocket.await("receipt");
            assertEquals(2, delivered.at("/data/deliveredSeq").asLong());
            assertEquals(0, delivered.at("/data/readSeq").asLong());
            bTab1.send("read", Map.of("conversationId", id, "seq", 2));
            for (TestSocket s : List.of(aSocket, bTab1, bTab2)) {
                JsonNode read = s.await("receipt", f -> f.at("/data/readSeq").asLong() == 2, WAIT);
                assertEquals(b.id(), read.at("/data/userId").asText());
            }
            bTab1.send("read", Map.of("conversationId", id, "seq", 1));
            assertTrue(aSocket.collect("receipt", Duration.ofMillis(300)).stream().noneMatch(f -> f.at("/data/readSeq").asLong() == 1));
        }
        as(b).get("/api/conversations/" + id).then().body("conversation.unreadCount", org.hamcrest.Matchers.equalTo(0));
        as(a).get("/api/conversations/" + id).then()
                .body("conversation.members.find { it.id == '" + b.id() + "' }.readSeq", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void presenceGoesOfflineOnlyAfterTheGracePeriod() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        contacts(a, b);
        try (TestSocket watcher = connect(a)) {
            TestSocket bSocket = connect(b);
            watcher.await("presence", f -> b.id().equals(f.at("/data/userId").asText()) && f.at("/data/online").asBoolean(), WAIT);
            as(a).get("/api/conversations").then()
                    .body("conversations[0].members.find { it.id == '" + b.id() + "' }.online", org.hamcrest.Matchers.equalTo(true));
            bSocket.close();
            long closedAt = System.nanoTime();
            JsonNode offline = watcher.await("presence", f -> b.id().equals(f.at("/data/userId").asText())
                    && !f.at("/data/online").asBoolean() && !f.at("/data/lastSeenAt").isNull(), WAIT);
            long waitedMillis = (System.nanoTime() - closedAt) / 1_000_000;
            assertTrue(waitedMillis >= 900, "went offline after only " + waitedMillis + " ms (grace period is 1 s in tests)");
            assertFalse(offline.at("/data/lastSeenAt").isNull());
        }
    }

    @Test
    void aReloadWithinTheGracePeriodNeverShowsOffline() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        contacts(a, b);
        try (TestSocket watcher = connect(a)) {
            TestSocket first = connect(b);
            watcher.await("presence", f -> b.id().equals(f.at("/data/userId").asText()) && f.at("/data/online").asBoolean(), WAIT);
            first.close();
            try (TestSocket reloaded = connect(b)) {
                List<JsonNode> frames = watcher.collect("presence", Duration.ofMillis(1500));
                assertTrue(frames.stream().noneMatch(f -> b.id().equals(f.at("/data/userId").asText()) && !f.at("/data/online").asBoolean()
                        && !f.at("/data/lastSeenAt").isNull()),
                        "b flickered offline: " + frames);
            }
        }
    }

    @Test
    void sendsPresenceOfContactsRightAfterConnecting() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        contacts(a, b);
        try (TestSocket bSocket = connect(b); TestSocket aSocket = connect(a)) {
            JsonNode snapshot = aSocket.await("presence", f -> b.id().equals(f.at("/data/userId").asText()), WAIT);
            assertTrue(snapshot.at("/data/online").asBoolean());
        }
    }

    @Test
    void closesSocketsThatStaySilentPastTheIdleTimeout() {
        Account a = TestAccounts.signUp();
        try (TestSocket quiet = connect(a)) {
            MovableClock.advance(Duration.ofSeconds(61));
            try (TestSocket lively = connect(a)) {
                idleSockets.closeSilent();
                assertEquals(1001, quiet.awaitClose(WAIT));
                lively.send("ping", "here", Map.of());
                assertEquals("here", lively.await("pong").path("ref").asText());
            }
        } finally {
            MovableClock.reset();
        }
    }

    @Test
    void closesTheSocketWith4401WhenItsSessionExpiresAndKeepsFresherSessions() {
        Account a = TestAccounts.signUp();
        try (TestSocket expiring = connect(a)) {
            expiredSessions.closeExpired();
            expiring.send("ping", "before", Map.of());
            assertEquals("before", expiring.await("pong").path("ref").asText(), "not closed before the session expires");
            MovableClock.advance(Duration.ofDays(7).plusSeconds(1));
            expiredSessions.closeExpired();
            assertEquals(4401, expiring.awaitClose(WAIT));
            String freshToken = TestAccounts.logIn(a.email(), TestAccounts.PASSWORD).path("token");
            try (TestSocket fresh = TestSocket.connect(ws(), freshToken)) {
                expiredSessions.closeExpired();
                fresh.send("ping", "fresh", Map.of());
                assertEquals("fresh", fresh.await("pong").path("ref").asText());
                assertFalse(fresh.isClosed());
            }
            assertEquals(401, refusedStatus(Map.of("Authorization", "Bearer " + a.token())));
        } finally {
            MovableClock.reset();
        }
    }

    @Test
    void theOldestSocketOfAnAccountIsClosedWith4029WhenItOpensOneOverTheCap() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        List<TestSocket> sockets = new java.util.ArrayList<>();
        try (TestSocket sender = connect(b)) {
            for (int i = 0; i < 20; i++) {
                sockets.add(connect(a));
            }
            assertEquals(20, connections.ofUser(a.id()).size());
            sockets.add(connect(a));
            assertEquals(4029, sockets.get(0).awaitClose(WAIT));
            sender.send("message.send", Map.of("conversationId", id, "clientId", "cap", "text", "to the 20 left"));
            for (TestSocket kept : sockets.subList(1, sockets.size())) {
                assertEquals("to the 20 left", kept.await("message.new").at("/data/message/text").asText());
                assertFalse(kept.isClosed());
            }
        } finally {
            sockets.forEach(TestSocket::close);
        }
    }

    @Test
    void anOversizedFrameClosesTheSocketWith1009() {
        Account a = TestAccounts.signUp();
        try (TestSocket socket = connect(a)) {
            socket.sendRaw("{\"type\":\"ping\",\"data\":{\"pad\":\"" + "x".repeat(70_000) + "\"}}");
            assertEquals(1009, socket.awaitClose(WAIT));
        }
    }

    @Test
    void malformedAndUnknownFramesGetErrorsAndTheSocketStaysOpen() {
        Account a = TestAccounts.signUp();
        try (TestSocket socket = connect(a)) {
            socket.sendRaw("not json");
            assertEquals("malformed_frame", socket.await("error").at("/data/code").asText());
            socket.send("teleport", "u", Map.of());
            assertEquals("unknown_type", socket.await("error").at("/data/code").asText());
            socket.send("message.send", "v", Map.of("conversationId", "x", "clientId", "c", "text", ""));
            JsonNode invalid = socket.await("error");
            assertEquals("validation_failed", invalid.at("/data/code").asText());
            assertEquals("v", invalid.path("ref").asText());
            socket.send("ping", Map.of());
            socket.await("pong");
        }
    }

    @Test
    void membersHearAboutNewGroupsRenamesAndRemovals() {
        Account owner = TestAccounts.signUp();
        Account member = TestAccounts.signUp();
        try (TestSocket memberSocket = connect(member)) {
            String id = TestChats.group(owner, "Fresh", member);
            JsonNode created = memberSocket.await("conversation.updated");
            assertEquals(id, created.at("/data/conversation/id").asText());
            assertEquals("Fresh", created.at("/data/conversation/name").asText());
            as(owner).body(Map.of("name", "Renamed")).patch("/api/conversations/" + id).then().statusCode(200);
            memberSocket.await("conversation.updated", f -> "Renamed".equals(f.at("/data/conversation/name").asText()), WAIT);
            as(owner).delete("/api/conversations/" + id + "/members/" + member.id()).then().statusCode(204);
            assertEquals(id, memberSocket.await("conversation.removed").at("/data/conversationId").asText());
        }
    }

    @Test
    void everySocketGetsEveryMessageWhenManySendAtOnce() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        try (TestSocket aSocket = connect(a); TestSocket b1 = connect(b); TestSocket b2 = connect(b); TestSocket b3 = connect(b)) {
            for (int i = 0; i < 15; i++) {
                aSocket.send("message.send", Map.of("conversationId", id, "clientId", "x" + i, "text", "n" + i));
            }
            for (TestSocket s : List.of(b1, b2, b3)) {
                Set<Long> seqs = new HashSet<>();
                for (int i = 0; i < 15; i++) {
                    seqs.add(s.await("message.new").at("/data/message/seq").asLong());
                }
                assertEquals(15, seqs.size());
            }
        }
    }
}
