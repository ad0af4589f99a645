package echos.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import echos.cluster.Cluster.Account;
import echos.media.TestImages;
import echos.socketio.EngineIoClient;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Three real Echos nodes on one PostgreSQL and one Redis behind HAProxy (deploy/haproxy.cfg, TLS): delivery across
 * nodes, a session and an image used on another node than the one that made them, limits counted across nodes,
 * then a chaos run with one node killed (kill -9) and restarted while 48 clients send ~10,000 messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ThreeNodeClusterIT.PrintLogsOnFailure.class)
class ThreeNodeClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int LOGIN_FAILURES = 4;
    static Cluster cluster;

    @BeforeAll
    void start() throws Exception {
        cluster = new Cluster(Cluster.env("SEND_BURST", "100000", "SEND_PER_SECOND", "100000",
                "RATE_LIMIT_LOGIN_FAILURES_PER_EMAIL", String.valueOf(LOGIN_FAILURES)));
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    static final class PrintLogsOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (cluster != null) {
                System.out.println(cluster.logs());
            }
        }
    }

    private static String id(JsonNode frame) {
        return frame.at("/data/message/id").asText();
    }

    @Test
    @Order(1)
    void everyKindOfEventSentThroughOneNodeReachesTheSocketsOnTheOthersExactlyOnce() throws Exception {
        Account alice = cluster.signUp(cluster.node(0), "Alice");
        Account bob = cluster.signUp(cluster.node(1), "Bob");
        Account carol = cluster.signUp(cluster.proxy(), "Carol");
        try (ClusterSocket a = ClusterSocket.open(cluster, cluster.nodeSocket(0), alice, null);
                ClusterSocket b = ClusterSocket.open(cluster, cluster.nodeSocket(1), bob, null);
                ClusterSocket c = ClusterSocket.open(cluster, cluster.nodeSocket(2), carol, null)) {
            // a session made on node 0 works on node 2
            HttpResponse<String> created = cluster.post(cluster.node(2) + "/api/conversations/groups", alice,
                    Map.of("name", "Across", "memberIds", List.of(bob.id(), carol.id())));
            assertEquals(201, created.statusCode(), created.body());
            String group = Cluster.JSON.readTree(created.body()).at("/conversation/id").asText();
            b.await("conversation.updated", f -> group.equals(f.at("/data/conversation/id").asText()), WAIT);
            c.await("conversation.updated", f -> group.equals(f.at("/data/conversation/id").asText()), WAIT);

            String clientId = UUID.randomUUID().toString();
            a.send("message.send", "s1", Map.of("conversationId", group, "clientId", clientId, "text", "hello from node 0"));
            String messageId = id(a.await("message.ack", f -> true, WAIT));
            b.await("message.new", f -> messageId.equals(id(f)), WAIT);
            c.await("message.new", f -> messageId.equals(id(f)), WAIT);

            assertEquals(200, cluster.send("PATCH", cluster.node(1) + "/api/conversations/" + group + "/messages/" + messageId, alice,
                    Map.of("text", "edited on node 1")).statusCode());
            for (ClusterSocket s : List.of(a, b, c)) {
                s.await("message.updated", f -> messageId.equals(id(f)) && f.at("/data/message/text").asText().equals("edited on node 1"), WAIT);
            }
            b.send("typing", "t1", Map.of("conversationId", group));
            a.await("typing", f -> bob.id().equals(f.at("/data/userId").asText()), WAIT);
            c.await("typing", f -> bob.id().equals(f.at("/data/userId").asText()), WAIT);
            c.send("read", "r1", Map.of("conversationId", group, "seq", 1));
            a.await("receipt", f -> carol.id().equals(f.at("/data/userId").asText()) && f.at("/data/readSeq").asLong() == 1, WAIT);
            int renamed = cluster.send("PATCH", cluster.node(0) + "/api/conversations/" + group, alice, Map.of("name", "Renamed")).statusCode();
            assertTrue(renamed / 100 == 2, "rename: " + renamed);
            for (ClusterSocket s : List.of(b, c)) {
                s.await("conversation.updated", f -> "Renamed".equals(f.at("/data/conversation/name").asText()), WAIT);
            }
            int deleted = cluster.send("DELETE", cluster.node(2) + "/api/conversations/" + group + "/messages/" + messageId, alice, Map.of())
                    .statusCode();
            assertTrue(deleted / 100 == 2, "delete: " + deleted);
            for (ClusterSocket s : List.of(b, c)) {
                s.await("message.updated", f -> messageId.equals(id(f)) && !f.at("/data/message/deletedAt").isNull()
                        && !f.at("/data/message/deletedAt").isMissingNode(), WAIT);
            }
            Thread.sleep(1000); // stragglers and duplicates
            for (ClusterSocket s : List.of(b, c)) {
                assertEquals(1, s.count("message.new", f -> messageId.equals(id(f))), "message.new once");
                assertEquals(2, s.count("message.updated", f -> messageId.equals(id(f))), "one edit and one delete, once each");
                assertEquals(1, s.count("conversation.updated", f -> "Renamed".equals(f.at("/data/conversation/name").asText())));
            }
        }
    }

    @Test
    @Order(2)
    void anImageUploadedThroughOneNodeIsServedByAnother() throws Exception {
        Account owner = cluster.signUp(cluster.node(0), "Painter");
        byte[] png = TestImages.png(40, 30);
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.png\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(png);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> uploaded = cluster.http.send(HttpRequest.newBuilder(URI.create(cluster.node(0) + "/api/media"))
                .header("Authorization", "Bearer " + owner.token()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        String mediaId = Cluster.JSON.readTree(uploaded.body()).get("id").asText();
        HttpResponse<byte[]> onAnother = cluster.http.send(HttpRequest.newBuilder(URI.create(cluster.node(2) + "/api/media/" + mediaId))
                .header("Authorization", "Bearer " + owner.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, onAnother.statusCode());
        HttpResponse<byte[]> onFirst = cluster.http.send(HttpRequest.newBuilder(URI.create(cluster.node(0) + "/api/media/" + mediaId))
                .header("Authorization", "Bearer " + owner.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(onFirst.body(), onAnother.body(), "the same stored bytes from either node");
        assertTrue(onAnother.body().length > 0);
    }

    @Test
    @Order(2)
    void answersThroughTheTlsProxyCarryHstsAndPlainOnesDoNot() throws Exception {
        HttpResponse<String> viaProxy = cluster.get(cluster.proxy() + "/api/auth/me", null);
        assertTrue(cluster.proxy().startsWith("https://"), cluster.proxy());
        assertEquals(401, viaProxy.statusCode());
        assertEquals("max-age=15552000", viaProxy.headers().firstValue("Strict-Transport-Security").orElse(""),
                "HAProxy says X-Forwarded-Proto: https from loopback, a trusted proxy by default");
        HttpResponse<String> direct = cluster.get(cluster.node(0) + "/api/auth/me", null);
        assertTrue(cluster.node(0).startsWith("http://"), cluster.node(0));
        assertEquals(401, direct.statusCode());
        assertTrue(direct.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP");
    }

    @Test
    @Order(2)
    void aSocketIoClientPollingThroughTheProxyStaysOnOneNodeAndGetsWhatTheOthersSend() throws Exception {
        Account ann = cluster.signUp(cluster.node(0), "Ann");
        Account bob = cluster.signUp(cluster.node(1), "Bob");
        HttpResponse<String> created = cluster.post(cluster.node(1) + "/api/conversations/direct", bob, Map.of("userId", ann.id()));
        assertEquals(201, created.statusCode(), created.body());
        String chat = Cluster.JSON.readTree(created.body()).at("/conversation/id").asText();
        // every request of this polling session goes through the round-robin proxy: only the sticky /socket.io/
        // backend keeps them on the node that holds the session (else: 400 Session ID unknown)
        try (EngineIoClient io = EngineIoClient.polling(cluster.http, URI.create(cluster.proxy()), Map.of(), "&userId=" + ann.id())) {
            io.connect("40{\"token\":\"" + ann.token() + "\"}");
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> sent = cluster.post(cluster.node(i) + "/api/conversations/" + chat + "/messages", bob,
                        Map.of("clientId", UUID.randomUUID().toString(), "text", "via node " + i));
                assertEquals(201, sent.statusCode(), sent.body());
                List<String> seen = io.pollUntil("42[\"newMessage\"", WAIT);
                String last = seen.get(seen.size() - 1);
                assertEquals("via node " + i, Cluster.JSON.readTree(last.substring(2)).get(1).get("text").asText(), seen.toString());
            }
            io.upgrade();
            HttpResponse<String> sent = cluster.post(cluster.node(2) + "/api/conversations/" + chat + "/messages", bob,
                    Map.of("clientId", UUID.randomUUID().toString(), "text", "after the upgrade"));
            assertEquals(201, sent.statusCode(), sent.body());
            List<String> overWebSocket = io.pollUntil("42[\"newMessage\"", WAIT);
            assertTrue(overWebSocket.get(overWebSocket.size() - 1).contains("after the upgrade"), overWebSocket.toString());
        }
    }

    @Test
    @Order(3)
    void failedLoginsSpreadOverTheNodesAreCountedTogether() throws Exception {
        Account victim = cluster.signUp(cluster.node(0), "Victim");
        for (int i = 0; i < LOGIN_FAILURES; i++) {
            HttpResponse<String> r = cluster.post(cluster.node(i % 3) + "/api/auth/login", null,
                    Map.of("email", victim.email(), "password", "wrong password " + i));
            assertEquals(401, r.statusCode(), "failure " + i + " on node " + (i % 3) + ": " + r.body());
        }
        HttpResponse<String> blocked = cluster.post(cluster.node((LOGIN_FAILURES + 1) % 3) + "/api/auth/login", null,
                Map.of("email", victim.email(), "password", "correct horse battery"));
        assertEquals(429, blocked.statusCode(), "the limit holds across nodes even for the right password: " + blocked.body());
    }

    /** One chat client of the chaos run: sends its messages, re-sends unacknowledged ones after every reconnect. */
    private static final class ChaosClient {
        final Account account;
        final String conversation;
        final int total;
        final Map<String, Long> acked = new ConcurrentHashMap<>();
        final Map<Long, String> seen = new ConcurrentHashMap<>();
        volatile JsonNode moreFrom;
        volatile boolean syncDone;
        int reconnects;

        ChaosClient(Account account, String conversation, int total) {
            this.account = account;
            this.conversation = conversation;
            this.total = total;
        }

        void onFrame(JsonNode f) {
            String type = f.path("type").asText();
            if ("message.new".equals(type) || "message.ack".equals(type)) {
                JsonNode m = f.at("/data/message");
                if (conversation.equals(m.path("conversationId").asText())) {
                    seen.put(m.get("seq").asLong(), m.get("id").asText());
                }
                if ("message.ack".equals(type)) {
                    acked.put(f.at("/data/clientId").asText(), m.get("seq").asLong());
                }
            } else if ("sync.done".equals(type)) {
                if (f.at("/data/more").asBoolean()) {
                    moreFrom = f.get("data");
                } else {
                    syncDone = true;
                }
            }
        }

        long contiguous() {
            long seq = 0;
            while (seen.containsKey(seq + 1)) {
                seq++;
            }
            return seq;
        }

        private ClusterSocket connect(long deadline) throws Exception {
            while (System.nanoTime() < deadline) {
                try {
                    ClusterSocket s = ClusterSocket.open(cluster, cluster.proxySocket(), account, this::onFrame);
                    syncDone = false;
                    s.send("sync", "sync-" + UUID.randomUUID(), Map.of("positions", Map.of(conversation, Map.of("seq", contiguous(), "change", 0))));
                    return s;
                } catch (Exception refused) {
                    Thread.sleep(200);
                }
            }
            throw new AssertionError("could not reconnect through HAProxy");
        }

        void run(long deadline, AtomicInteger ackedTotal, java.util.concurrent.CountDownLatch everyoneSent) throws Exception {
            List<String> clientIds = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                clientIds.add(account.id() + "-" + i);
            }
            ClusterSocket socket = connect(deadline);
            Set<String> sentOnThisSocket = new HashSet<>();
            int next = 0;
            int counted = 0;
            while (acked.size() < total && System.nanoTime() < deadline) {
                if (socket.closed.isDone()) {
                    reconnects++;
                    socket = connect(deadline);
                    sentOnThisSocket.clear();
                }
                // at most 8 in flight: every unacked one is (re)sent once per socket, with its clientId
                int inFlight = 0;
                for (int i = 0; i < next; i++) {
                    if (!acked.containsKey(clientIds.get(i))) {
                        inFlight++;
                        if (sentOnThisSocket.add(clientIds.get(i))) {
                            send(socket, clientIds.get(i));
                        }
                    }
                }
                while (inFlight < 8 && next < total) {
                    sentOnThisSocket.add(clientIds.get(next));
                    send(socket, clientIds.get(next++));
                    inFlight++;
                }
                ackedTotal.addAndGet(acked.size() - counted);
                counted = acked.size();
                Thread.sleep(5);
            }
            // once every client is done sending, catch up: sync in pages until the server says there is no more
            everyoneSent.countDown();
            everyoneSent.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            socket.close();
            socket = connect(deadline);
            while (!syncDone && System.nanoTime() < deadline) {
                JsonNode more = moreFrom;
                if (more != null) {
                    moreFrom = null;
                    socket.send("sync", "sync-" + UUID.randomUUID(), Map.of("positions", Map.of(conversation,
                            Map.of("seq", more.at("/positions/" + conversation).asLong(), "change", 0))));
                }
                if (socket.closed.isDone()) {
                    socket = connect(deadline);
                }
                Thread.sleep(20);
            }
            socket.close();
        }

        private void send(ClusterSocket socket, String clientId) {
            socket.send("message.send", clientId, Map.of("conversationId", conversation, "clientId", clientId, "text", "chaos " + clientId));
        }
    }

    @Test
    @Order(4)
    void killingANodeMidRunLosesAndDuplicatesNothingAndItsUsersGoOffline() throws Exception {
        // presence: dave's only socket is on node 1, erin watches from node 0
        Account dave = cluster.signUp(cluster.node(1), "Dave");
        Account erin = cluster.signUp(cluster.node(0), "Erin");
        assertEquals(201, cluster.post(cluster.node(0) + "/api/conversations/groups", erin,
                Map.of("name", "Watchers", "memberIds", List.of(dave.id()))).statusCode());
        ClusterSocket watcher = ClusterSocket.open(cluster, cluster.nodeSocket(0), erin, null);
        ClusterSocket daves = ClusterSocket.open(cluster, cluster.nodeSocket(1), dave, null);
        watcher.await("presence", f -> dave.id().equals(f.at("/data/userId").asText()) && f.at("/data/online").asBoolean(), WAIT);

        int groups = 6;
        int perGroup = 8;
        int perClient = 210;
        List<ChaosClient> clients = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<Account> members = new ArrayList<>();
            for (int m = 0; m < perGroup; m++) {
                members.add(cluster.signUp(cluster.proxy(), "Chaos" + g + "x" + m));
            }
            HttpResponse<String> created = cluster.post(cluster.proxy() + "/api/conversations/groups", members.get(0),
                    Map.of("name", "Chaos " + g, "memberIds", members.subList(1, perGroup).stream().map(Account::id).toList()));
            assertEquals(201, created.statusCode(), created.body());
            String conversation = Cluster.JSON.readTree(created.body()).at("/conversation/id").asText();
            members.forEach(a -> clients.add(new ChaosClient(a, conversation, perClient)));
        }
        int expected = clients.size() * perClient;
        AtomicInteger ackedTotal = new AtomicInteger();
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(150).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        List<Future<?>> runs = new ArrayList<>();
        java.util.concurrent.CountDownLatch everyoneSent = new java.util.concurrent.CountDownLatch(clients.size());
        for (ChaosClient client : clients) {
            runs.add(pool.submit(() -> {
                client.run(deadline, ackedTotal, everyoneSent);
                return null;
            }));
        }
        while (ackedTotal.get() < expected / 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        int ackedAtKill = ackedTotal.get();
        long killedAt = System.nanoTime();
        int framesBeforeKill = watcher.frames.size();
        cluster.kill(1);
        JsonNode offline = watcher.awaitAfter(framesBeforeKill, "presence",
                f -> dave.id().equals(f.at("/data/userId").asText()) && !f.at("/data/online").asBoolean(), Duration.ofSeconds(20));
        double offlineAfter = (System.nanoTime() - killedAt) / 1e9;
        cluster.startNode(1);
        cluster.awaitReady(1);
        for (Future<?> run : runs) {
            run.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        pool.shutdownNow();
        double seconds = (System.nanoTime() - started) / 1e9;
        watcher.close();
        daves.close();

        int reconnects = clients.stream().mapToInt(c -> c.reconnects).sum();
        System.out.printf("cluster chaos: %d messages from %d clients in %.1f s, node 1 killed after %d acks, %d reconnects;"
                + " dave offline %.1f s after the kill (lastSeenAt %s)%n", expected, clients.size(), seconds, ackedAtKill, reconnects,
                offlineAfter, offline.at("/data/lastSeenAt").asText());
        assertTrue(offlineAfter < 10, "offline within TTL 3 s + grace 1 s + sweep, was " + offlineAfter);
        assertTrue(reconnects > 0, "the kill dropped some clients' sockets");

        Map<String, List<ChaosClient>> byConversation = new TreeMap<>();
        clients.forEach(c -> byConversation.computeIfAbsent(c.conversation, k -> new ArrayList<>()).add(c));
        int lost = 0;
        int duplicated = 0;
        for (Map.Entry<String, List<ChaosClient>> entry : byConversation.entrySet()) {
            List<JsonNode> history = cluster.history(cluster.proxy(), entry.getValue().get(0).account, entry.getKey());
            Map<Long, String> stored = new TreeMap<>();
            Set<String> clientIds = new HashSet<>();
            for (int i = 0; i < history.size(); i++) {
                JsonNode m = history.get(i);
                assertEquals(i + 1, m.get("seq").asLong(), "seq gap-free in " + entry.getKey());
                stored.put(m.get("seq").asLong(), m.get("id").asText());
                if (!clientIds.add(m.get("senderId").asText() + "/" + m.get("clientId").asText())) {
                    duplicated++;
                }
            }
            for (ChaosClient c : entry.getValue()) {
                assertEquals(perClient, c.acked.size(), "every message of " + c.account.email() + " acknowledged");
                for (Map.Entry<String, Long> ack : c.acked.entrySet()) {
                    if (!clientIds.contains(c.account.id() + "/" + ack.getKey())) {
                        lost++;
                    }
                }
                Map<Long, String> view = new TreeMap<>(c.seen);
                if (!stored.equals(view)) {
                    Set<Long> missing = new java.util.TreeSet<>(stored.keySet());
                    missing.removeAll(view.keySet());
                    Set<Long> wrong = new java.util.TreeSet<>();
                    view.forEach((seq, id) -> {
                        if (!id.equals(stored.get(seq))) {
                            wrong.add(seq);
                        }
                    });
                    throw new AssertionError("the view of " + c.account.email() + " differs from the stored history (" + stored.size()
                            + " messages): missing seqs " + missing + ", different or extra seqs " + wrong + ", syncDone " + c.syncDone);
                }
            }
        }
        System.out.printf("cluster chaos: lost %d, duplicated %d%n", lost, duplicated);
        assertEquals(0, lost, "acknowledged messages lost");
        assertEquals(0, duplicated, "messages stored twice");
    }
}
