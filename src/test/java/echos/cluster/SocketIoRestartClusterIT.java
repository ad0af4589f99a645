package echos.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import echos.socketio.NodeScripts;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * socket.io-client through a kill -9 and restart of the one server it talks to: it reconnects by itself, syncs
 * from what it has, and ends with every message exactly once, including those sent while it was away.
 */
class SocketIoRestartClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aSocketIoClientReconnectsAfterTheServerIsKilledAndCatchesUpWithoutLoss() throws Exception {
        try (SingleNode node = new SingleNode()) {
            String ann = signUp(node, "Ann");
            String bob = signUp(node, "Bob");
            String annToken = ann.split(" ")[1];
            String bobToken = bob.split(" ")[1];
            HttpResponse<String> created = node.post("/api/conversations/direct", bobToken, Map.of("userId", ann.split(" ")[0]));
            assertEquals(201, created.statusCode(), created.body());
            String chat = Cluster.JSON.readTree(created.body()).at("/conversation/id").asText();
            for (int i = 1; i <= 3; i++) {
                send(node, bobToken, chat, "before " + i);
            }
            Path output = node.dir.resolve("client.log");
            Process client = NodeScripts.start("reconnect-client.mjs", output, node.base(), annToken, chat);
            try {
                awaitLine(output, "ready", client);
                send(node, bobToken, chat, "live 4");
                send(node, bobToken, chat, "live 5");
                node.kill();
                node.start();
                for (int i = 6; i <= 10; i++) {
                    send(node, bobToken, chat, "after the restart " + i);
                }
                try (Writer in = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
                    in.write("expect 10\n");
                    in.flush();
                    assertTrue(client.waitFor(WAIT.toSeconds() + 10, TimeUnit.SECONDS), "client still running:\n" + Files.readString(output));
                }
                String log = Files.readString(output);
                assertEquals(0, client.exitValue(), log + "\n--- server ---\n" + node.tail());
                assertTrue(log.contains("ok: seqs 1..10"), log);
                assertTrue(log.contains("connected (2)"), "it reconnected on its own:\n" + log);
            } finally {
                client.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** "id token" of a new account. */
    private static String signUp(SingleNode node, String name) throws Exception {
        HttpResponse<String> r = node.post("/api/auth/signup", null,
                Map.of("fullName", name, "email", name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com", "password", "correct horse battery"));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode body = Cluster.JSON.readTree(r.body());
        return body.at("/user/id").asText() + " " + body.at("/token").asText();
    }

    private static void send(SingleNode node, String token, String chat, String text) throws Exception {
        HttpResponse<String> r = node.post("/api/conversations/" + chat + "/messages", token,
                Map.of("clientId", UUID.randomUUID().toString(), "text", text));
        assertEquals(201, r.statusCode(), r.body());
    }

    private static void awaitLine(Path output, String line, Process client) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(output) && Files.readAllLines(output).contains(line)) {
                return;
            }
            if (!client.isAlive()) {
                throw new AssertionError("client exited:\n" + Files.readString(output));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no \"" + line + "\" within " + WAIT + ":\n" + (Files.exists(output) ? Files.readString(output) : ""));
    }
}
