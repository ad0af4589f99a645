package echos.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged app serving HTTPS and wss itself from TLS_CERT_FILE / TLS_KEY_FILE (a certificate made here), with
 * plain HTTP redirected (the default with TLS) or refused (HTTP_INSECURE=disabled). Named *ClusterIT so failsafe runs
 * it after packaging, beside the cluster test (it starts one node of its own).
 */
class TlsNodeClusterIT {

    private Process start(Path dir, int port, int httpsPort, Map<String, String> extra) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString());
        pb.environment().putAll(Map.of("PORT", String.valueOf(port), "HTTPS_PORT", String.valueOf(httpsPort), "HOST", "127.0.0.1",
                "DATA_DIR", dir.resolve("data-" + port).toString(), "TLS_CERT_FILE", dir.resolve("cert.pem").toString(),
                "TLS_KEY_FILE", dir.resolve("key.pem").toString()));
        pb.environment().putAll(extra);
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("node-" + port + ".log").toFile());
        return pb.start();
    }

    private static Path certificate() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tls-it", UUID.randomUUID().toString()));
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.resolve("key.pem").toString(),
                "-out", dir.resolve("cert.pem").toString(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl made the test certificate");
        return dir;
    }

    private static void awaitHttps(HttpClient http, String url, Process node, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) {
                throw new AssertionError("node exited:\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no HTTPS answer:\n" + Files.readString(log));
    }

    @Test
    void servesHttpsAndWssAndRedirectsPlainHttp() throws Exception {
        Path dir = certificate();
        int port = Cluster.freePort();
        int httpsPort = Cluster.freePort();
        Process node = start(dir, port, httpsPort, Map.of());
        try {
            HttpClient https = HttpClient.newBuilder().sslContext(Cluster.trusting(dir.resolve("cert.pem"))).build();
            String base = "https://127.0.0.1:" + httpsPort;
            awaitHttps(https, base + "/q/health/ready", node, dir.resolve("node-" + port + ".log"));
            HttpResponse<String> plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/me")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(301, plain.statusCode(), "plain HTTP is redirected");
            assertEquals(base + "/api/auth/me", plain.headers().firstValue("Location").orElse(""));
            assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP");

            // HTTP/2 over TLS, like a browser: no Host header, so the origin check must read :authority
            HttpResponse<String> signup = https.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/signup"))
                    .header("Content-Type", "application/json").header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"fullName\":\"Tess\",\"email\":\"tess-" + UUID.randomUUID() + "@example.com\",\"password\":\"correct horse battery\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, signup.statusCode(), signup.body());
            assertEquals(HttpClient.Version.HTTP_2, signup.version());
            assertEquals("max-age=15552000", signup.headers().firstValue("Strict-Transport-Security").orElse(""));
            assertTrue(signup.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.contains("Secure")), "the session cookie is Secure over https");
            String token = Cluster.JSON.readTree(signup.body()).get("token").asText();
            ClusterSocket socket = ClusterSocket.open(https, "wss://127.0.0.1:" + httpsPort + "/ws", token, null);
            socket.send("ping", "p1", Map.of());
            socket.await("pong", f -> true, Duration.ofSeconds(10));
            socket.close();
        } finally {
            node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusesPlainHttpWhenTold() throws Exception {
        Path dir = certificate();
        int port = Cluster.freePort();
        int httpsPort = Cluster.freePort();
        Process node = start(dir, port, httpsPort, Map.of("HTTP_INSECURE", "disabled"));
        try {
            HttpClient https = HttpClient.newBuilder().sslContext(Cluster.trusting(dir.resolve("cert.pem"))).build();
            awaitHttps(https, "https://127.0.0.1:" + httpsPort + "/q/health/ready", node, dir.resolve("node-" + port + ".log"));
            assertThrows(IOException.class, () -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()), "nothing listens for plain HTTP");
        } finally {
            node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int signUpVia(HttpClient https, String base, String forwardedFor) throws Exception {
        return https.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/signup")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"fullName\":\"Fwd\",\"email\":\"fwd-" + UUID.randomUUID() + "@example.com\",\"password\":\"correct horse battery\"}"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void xForwardedForCountsOnlyFromATrustedProxy() throws Exception {
        Path dir = certificate();
        for (boolean trusted : new boolean[] {false, true}) {
            int port = Cluster.freePort();
            int httpsPort = Cluster.freePort();
            // trusted: TRUSTED_PROXIES unset, so the default (loopback) must cover this same-host proxy
            Process node = start(dir, port, httpsPort, trusted
                    ? Map.of("TRUST_PROXY", "true", "RATE_LIMIT_SIGNUPS_PER_IP", "2")
                    : Map.of("TRUST_PROXY", "true", "TRUSTED_PROXIES", "10.9.8.7", "RATE_LIMIT_SIGNUPS_PER_IP", "2"));
            try {
                HttpClient https = HttpClient.newBuilder().sslContext(Cluster.trusting(dir.resolve("cert.pem"))).build();
                String base = "https://127.0.0.1:" + httpsPort;
                awaitHttps(https, base + "/q/health/ready", node, dir.resolve("node-" + port + ".log"));
                int[] codes = {signUpVia(https, base, "203.0.113.1"), signUpVia(https, base, "203.0.113.2"), signUpVia(https, base, "203.0.113.3")};
                if (trusted) {
                    assertEquals("[201, 201, 201]", java.util.Arrays.toString(codes), "behind a trusted proxy, each client address has its own limit");
                } else {
                    assertEquals("[201, 201, 429]", java.util.Arrays.toString(codes),
                            "from an untrusted peer the header is ignored: spoofed addresses do not escape the limit");
                }
            } finally {
                node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
