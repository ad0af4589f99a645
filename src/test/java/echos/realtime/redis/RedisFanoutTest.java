package echos.realtime.redis;

import static echos.auth.TestAccounts.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import echos.realtime.Broadcast;
import echos.presence.redis.RedisPresence;
import echos.realtime.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * This node with REDIS_URL set, and a second "node" played by a plain RedisBroker on the same channel: what happens
 * here reaches the other node through the real redis-server, and what the other node publishes reaches sockets here.
 */
@QuarkusTest
@TestProfile(RedisFanoutTest.WithRedis.class)
class RedisFanoutTest {

    static final String PREFIX = "echos-test-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(10);

    public static class WithRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("echos.redis.url", RedisBrokerTest.redisUrl(), "echos.redis.prefix", PREFIX);
        }
    }

    private static Vertx vertx;
    private static RedisBroker otherNode;
    private static final List<Broadcast> seenByOtherNode = new CopyOnWriteArrayList<>();

    @TestHTTPResource("/ws")
    URI http;

    @jakarta.inject.Inject
    echos.conversation.ConversationStore conversations;

    @jakarta.inject.Inject
    echos.auth.SessionStore sessions;

    @BeforeAll
    static void startOtherNode() {
        vertx = Vertx.vertx();
        otherNode = new RedisBroker(vertx, RedisBrokerTest.redisUrl(), PREFIX + ":broadcast");
        otherNode.subscribe(seenByOtherNode::add);
        otherNode.awaitConnected().toCompletionStage().toCompletableFuture().orTimeout(15, TimeUnit.SECONDS).join();
    }

    @AfterAll
    static void stopOtherNode() {
        otherNode.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void aMessageSentHereIsPublishedForTheOtherNodesMembersOnce() throws InterruptedException {
        Account alice = TestAccounts.signUp();
        Account bob = TestAccounts.signUp();
        String chat = TestChats.direct(alice, bob);
        String clientId = UUID.randomUUID().toString();
        as(alice).body(Map.of("clientId", clientId, "text", "across nodes")).post("/api/conversations/" + chat + "/messages")
                .then().statusCode(201);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (newMessagesFor(clientId) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(500);
        assertEquals(1, newMessagesFor(clientId), "the other node got the message.new broadcast once");
        Broadcast.ToUsers to = (Broadcast.ToUsers) seenByOtherNode.stream()
                .filter(b -> b instanceof Broadcast.ToUsers t && t.text().contains(clientId)).findFirst().orElseThrow();
        assertTrue(to.userIds().containsAll(List.of(alice.id(), bob.id())), "addressed to both members: " + to.userIds());
    }

    @Test
    void aMemberTheOtherNodeRemovedCanNoLongerSendHereOnceItsBroadcastArrives() {
        Account owner = TestAccounts.signUp();
        Account member = TestAccounts.signUp();
        String group = TestChats.group(owner, "cached", member);
        TestChats.send(member, group, "before"); // the send path now holds the group's members
        conversations.removeMember(group, member.id()); // as the other node's request did, in the shared database
        as(member).body(Map.of("clientId", UUID.randomUUID().toString(), "text", "still cached"))
                .post("/api/conversations/" + group + "/messages").then().statusCode(201);
        otherNode.publish(new Broadcast.MembershipChanged(group));
        long deadline = System.nanoTime() + WAIT.toNanos();
        int status;
        do {
            status = as(member).body(Map.of("clientId", UUID.randomUUID().toString(), "text", "after"))
                    .post("/api/conversations/" + group + "/messages").then().extract().statusCode();
        } while (status == 201 && System.nanoTime() < deadline);
        assertEquals(404, status, "refused once the other node's broadcast made this node forget the old member list");
    }

    @Test
    void aMembershipChangeHereIsPublishedForTheOtherNodes() throws InterruptedException {
        Account owner = TestAccounts.signUp();
        Account member = TestAccounts.signUp();
        String group = TestChats.group(owner, "leaving", member);
        as(owner).delete("/api/conversations/" + group + "/members/" + member.id()).then().statusCode(204);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && seenByOtherNode.stream()
                .noneMatch(b -> b instanceof Broadcast.MembershipChanged m && m.conversationId().equals(group))) {
            Thread.sleep(20);
        }
        assertTrue(seenByOtherNode.contains(new Broadcast.MembershipChanged(group)), "the other node is told to forget the members");
    }

    @Test
    void aTokenTheOtherNodeRevokedIsRefusedHereOnceItsBroadcastArrives() throws InterruptedException {
        Account erin = TestAccounts.signUp();
        as(erin).get("/api/conversations").then().statusCode(200); // this node now holds erin's session
        sessions.deleteAllOfUser(erin.id()); // a password reset on the other node, in the shared database
        as(erin).get("/api/conversations").then().statusCode(200);
        otherNode.publish(new Broadcast.EndSessions(echos.auth.SessionsEnded.allOf(erin.id(), null)));
        long deadline = System.nanoTime() + WAIT.toNanos();
        int status;
        do {
            status = as(erin).get("/api/conversations").then().extract().statusCode();
        } while (status == 200 && System.nanoTime() < deadline && sleep(20));
        assertEquals(401, status, "refused once the other node's broadcast made this node forget the session");
    }

    private static boolean sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return true;
    }

    @Test
    void whatTheOtherNodePublishesReachesTheSocketsHere() {
        Account carol = TestAccounts.signUp();
        try (TestSocket socket = TestSocket.of(http, carol)) {
            String frame = new JsonObject().put("type", "message.new").put("data", new JsonObject().put("marker", "from-b")).encode();
            otherNode.publish(new Broadcast.ToUsers(List.of(carol.id()), frame, null));
            JsonNode received = socket.await("message.new", f -> "from-b".equals(f.at("/data/marker").asText()), WAIT);
            assertEquals("from-b", received.at("/data/marker").asText());
        }
    }

    @Test
    void endingASessionOnTheOtherNodeClosesItsSocketsHere() {
        Account dave = TestAccounts.signUp();
        try (TestSocket socket = TestSocket.of(http, dave)) {
            socket.send("ping", "p1", Map.of());
            socket.await("pong");
            otherNode.publish(new Broadcast.EndSessions(echos.auth.SessionsEnded.allOf(dave.id(), null)));
            assertEquals(4403, socket.awaitClose(WAIT));
        }
    }

    @Test
    void theSocketCapCountsTheSocketsTheAccountHoldsOnOtherNodes() throws InterruptedException {
        Account erin = TestAccounts.signUp();
        RedisPresence otherPresence = otherNodesPresence();
        int max = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("echos.ws.max-sockets-per-account", Integer.class);
        List<String> remote = new java.util.ArrayList<>();
        for (int i = 0; i < max; i++) {
            remote.add("remote-" + i + "-" + UUID.randomUUID());
            otherPresence.connected(erin.id(), remote.get(i));
            Thread.sleep(2); // distinct connect times: remote-0 is the oldest
        }
        try (TestSocket socket = TestSocket.of(http, erin)) {
            socket.send("ping", "p1", Map.of());
            socket.await("pong");
            long deadline = System.nanoTime() + WAIT.toNanos();
            java.util.Set<String> erins = new java.util.HashSet<>(remote);
            erins.addAll(otherPresence.connections(erin.id()));
            java.util.function.Supplier<List<List<String>>> closedOfErin = () -> closedOverCap().stream()
                    .map(Broadcast.CloseOverCap::connectionIds).filter(ids -> ids.stream().anyMatch(erins::contains)).toList();
            while (closedOfErin.get().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(300);
            assertEquals(List.of(List.of(remote.get(0))), closedOfErin.get(),
                    "one over the cap: the oldest socket, on the other node, is told to close");
            socket.send("ping", "p2", Map.of());
            socket.await("pong"); // the new socket stays open
        } finally {
            remote.forEach(id -> otherPresence.disconnected(erin.id(), id));
        }
    }

    @Test
    void aSocketTheOtherNodeFindsOverTheCapIsClosedHereWith4029() {
        Account frank = TestAccounts.signUp();
        try (TestSocket socket = TestSocket.of(http, frank)) {
            socket.send("ping", "p1", Map.of());
            socket.await("pong");
            List<String> here = otherNodesPresence().connections(frank.id());
            assertEquals(1, here.size(), "the socket here is in the shared presence: " + here);
            otherNode.publish(new Broadcast.CloseOverCap(here));
            assertEquals(4029, socket.awaitClose(WAIT));
        }
    }

    private static RedisPresence otherNodesPresence() {
        io.vertx.redis.client.Redis client = io.vertx.redis.client.Redis.createClient(vertx,
                new io.vertx.redis.client.RedisOptions().setConnectionString(RedisBrokerTest.redisUrl()));
        return new RedisPresence(new echos.common.redis.RedisCommands(client, Duration.ofSeconds(2)), PREFIX + ":presence",
                java.time.Clock.systemUTC(), change -> { }, Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    private static List<Broadcast.CloseOverCap> closedOverCap() {
        return seenByOtherNode.stream().filter(b -> b instanceof Broadcast.CloseOverCap).map(b -> (Broadcast.CloseOverCap) b).toList();
    }

    @Test
    void readinessSaysBroadcastsGoThroughAConnectedRedis() {
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Broadcasts between nodes' }.data.redis", org.hamcrest.Matchers.equalTo("connected"));
    }

    private static long newMessagesFor(String clientId) {
        return seenByOtherNode.stream()
                .filter(b -> b instanceof Broadcast.ToUsers t && t.text().contains("\"message.new\"") && t.text().contains(clientId))
                .count();
    }
}
