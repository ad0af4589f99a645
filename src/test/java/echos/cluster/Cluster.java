package echos.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Three Echos JVMs from the packaged app (target/quarkus-app) on one fresh PostgreSQL database and the Redis at
 * 127.0.0.1:6379 (a prefix of their own), behind HAProxy with deploy/haproxy.cfg as checked in, TLS-terminating
 * with a self-signed certificate made here. Only loopback; every process is started here and killed by pid.
 */
final class Cluster implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_WAIT = Duration.ofSeconds(60);

    final Path dir;
    final String database = "echos_cluster_" + UUID.randomUUID().toString().replace("-", "");
    final String prefix = "echos-cluster-" + UUID.randomUUID();
    final int[] ports = {freePort(), freePort(), freePort()};
    final int proxyPort = freePort();
    private final Process[] nodes = new Process[3];
    private final Map<String, String> extraEnv;
    private Process haproxy;
    final HttpClient http;

    Cluster(Map<String, String> extraEnv) throws Exception {
        this.extraEnv = extraEnv;
        dir = Files.createDirectories(Path.of("target", "cluster", UUID.randomUUID().toString()));
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.resolve("key.pem").toString(), "-out",
                dir.resolve("cert.pem").toString(), "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        Files.writeString(dir.resolve("haproxy.pem"), Files.readString(dir.resolve("cert.pem")) + Files.readString(dir.resolve("key.pem")));
        http = HttpClient.newBuilder().sslContext(trusting(dir.resolve("cert.pem"))).connectTimeout(Duration.ofSeconds(5)).build();
        admin("create database " + database);
        Files.createDirectories(dir.resolve("media"));
        for (int i = 0; i < 3; i++) {
            startNode(i);
        }
        for (int i = 0; i < 3; i++) {
            awaitReady(i);
        }
        startHaproxy();
    }

    static SSLContext trusting(Path certPem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("cluster", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certPem))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    void startNode(int i) throws IOException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the cluster test runs after `package` (./mvnw verify)");
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString());
        Map<String, String> env = pb.environment();
        env.put("PORT", String.valueOf(ports[i]));
        env.put("HOST", "127.0.0.1");
        env.put("DATA_DIR", dir.resolve("node" + i).toString());
        env.put("MEDIA_DIR", dir.resolve("media").toString());
        env.put("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/" + database);
        env.put("REDIS_URL", System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379"));
        env.put("REDIS_PREFIX", prefix);
        env.put("JWT_SECRET", "cluster-test-secret-" + prefix);
        env.put("TRUST_PROXY", "true");
        env.put("PRESENCE_CONNECTION_TTL", "PT3S");
        env.put("PRESENCE_HEARTBEAT_INTERVAL", "PT1S");
        env.put("PRESENCE_GRACE_PERIOD", "PT1S");
        env.put("PRESENCE_SWEEP_INTERVAL", "PT0.2S");
        env.put("RATE_LIMIT_SIGNUPS_PER_IP", "100000");
        env.put("BCRYPT_COST", "10");
        env.putAll(extraEnv);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("node" + i + ".log").toFile()));
        nodes[i] = pb.start();
    }

    void awaitReady(int i) throws Exception {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!nodes[i].isAlive()) {
                throw new IllegalStateException("node " + i + " exited:\n" + tail(i));
            }
            try {
                if (get(node(i) + "/q/health/ready", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("node " + i + " not ready after " + START_WAIT + ":\n" + tail(i));
    }

    /** kill -9 of the node's JVM. */
    void kill(int i) throws InterruptedException {
        nodes[i].destroyForcibly();
        nodes[i].waitFor(10, TimeUnit.SECONDS);
    }

    private void startHaproxy() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("haproxy", "-f", Path.of("deploy", "haproxy.cfg").toAbsolutePath().toString(), "-db");
        pb.environment().put("ECHOS_LISTEN", "127.0.0.1:" + proxyPort);
        pb.environment().put("ECHOS_CERT", dir.resolve("haproxy.pem").toAbsolutePath().toString());
        for (int i = 0; i < 3; i++) {
            pb.environment().put("ECHOS_NODE" + (i + 1), "127.0.0.1:" + ports[i]);
        }
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile());
        haproxy = pb.start();
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!haproxy.isAlive()) {
                throw new IllegalStateException("haproxy exited:\n" + Files.readString(dir.resolve("haproxy.log")));
            }
            try {
                if (get(proxy() + "/q/health/ready", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("haproxy not answering");
    }

    String node(int i) {
        return "http://127.0.0.1:" + ports[i];
    }

    String proxy() {
        return "https://127.0.0.1:" + proxyPort;
    }

    String nodeSocket(int i) {
        return "ws://127.0.0.1:" + ports[i] + "/ws";
    }

    String proxySocket() {
        return "wss://127.0.0.1:" + proxyPort + "/ws";
    }

    record Account(String id, String email, String token) {
    }

    Account signUp(String base, String name) throws Exception {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> r = post(base + "/api/auth/signup", null,
                Map.of("fullName", name, "email", email, "password", "correct horse battery"));
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new IllegalStateException("signup: " + r.statusCode() + " " + r.body());
        }
        JsonNode body = JSON.readTree(r.body());
        return new Account(body.at("/user/id").asText(), email, body.at("/token").asText());
    }

    HttpResponse<String> get(String url, Account as) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (as != null) {
            b.header("Authorization", "Bearer " + as.token());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, Account as, Object body) throws IOException, InterruptedException {
        return send("POST", url, as, body);
    }

    HttpResponse<String> send(String method, String url, Account as, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (as != null) {
            b.header("Authorization", "Bearer " + as.token());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every stored message of the conversation, oldest first, read through the given base URL. */
    List<JsonNode> history(String base, Account as, String conversationId) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = JSON.readTree(get(base + "/api/conversations/" + conversationId + "/messages?after=" + after + "&limit=100", as).body());
            page.get("messages").forEach(all::add);
            if (page.get("nextAfter") == null || page.get("nextAfter").isNull()) {
                return all;
            }
            after = page.get("nextAfter").asLong();
        }
    }

    String tail(int i) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("node" + i + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String logs() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            out.append("--- node ").append(i).append(" ---\n").append(tail(i)).append('\n');
        }
        return out.toString();
    }

    @Override
    public void close() throws Exception {
        if (haproxy != null) {
            haproxy.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (Process node : nodes) {
            if (node != null) {
                node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        admin("drop database if exists " + database + " with (force)");
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> env(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
