package echos.common.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code rediss://user:pass@host} against a real redis-server of this test's own, serving TLS only, with a password
 * and a certificate made at test time: the connection works with the right CA and password, and is refused with a
 * wrong password or a certificate issued for another host name.
 */
class SharedRedisTlsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static Path dir;
    private static int port;
    private static Process redis;
    private static Vertx vertx;

    @BeforeAll
    static void startTlsRedis() throws Exception {
        dir = Files.createTempDirectory("echos-redis-tls");
        // one CA, one server certificate for 127.0.0.1, one for another name
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "1", "-subj", "/CN=Echos test CA");
        serverCertificate("server", "IP:127.0.0.1");
        serverCertificate("other", "DNS:redis.example.org");
        port = freePort();
        redis = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", "0", "--tls-port", String.valueOf(port),
                "--tls-cert-file", dir.resolve("server.pem").toString(), "--tls-key-file", dir.resolve("server.key").toString(),
                "--tls-ca-cert-file", dir.resolve("ca.pem").toString(), "--tls-auth-clients", "no",
                "--requirepass", "s3cret", "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        awaitListening();
        vertx = Vertx.vertx();
    }

    private static void serverCertificate(String name, String subjectAltName) throws Exception {
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + name);
        Files.writeString(dir.resolve(name + ".ext"), "subjectAltName=" + subjectAltName + "\n");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", name + ".pem",
                "-days", "1", "-extfile", name + ".ext");
    }

    private static void openssl(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + out);
        }
    }

    private static void awaitListening() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port + ": " + Files.readString(dir.resolve("redis.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        if (redis != null) {
            redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String ping(String url, Path ca) {
        SharedRedis shared = new SharedRedis(vertx, Optional.of(url), "tls-test", TIMEOUT, Optional.of(ca.toString()));
        try {
            return shared.commands().send(Request.cmd(Command.PING)).toString();
        } finally {
            shared.client().close();
        }
    }

    @Test
    void connectsOverTlsWithThePasswordFromTheUrl() {
        assertEquals("PONG", ping("rediss://default:s3cret@127.0.0.1:" + port + "/0", dir.resolve("ca.pem")));
        assertEquals("PONG", ping("rediss://:s3cret@127.0.0.1:" + port, dir.resolve("ca.pem")));
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThrows(RuntimeException.class, () -> ping("rediss://default:wrong@127.0.0.1:" + port, dir.resolve("ca.pem")));
    }

    @Test
    void aCertificateFromAnUntrustedIssuerIsRefused() {
        // the server's own certificate is not a CA: trusting it alone does not make the chain trusted
        assertThrows(RuntimeException.class, () -> ping("rediss://:s3cret@127.0.0.1:" + port, dir.resolve("other.pem")));
    }

    @Test
    void aCertificateForAnotherHostNameIsRefused() throws Exception {
        int otherPort = freePort();
        Process other = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", "0", "--tls-port", String.valueOf(otherPort),
                "--tls-cert-file", dir.resolve("other.pem").toString(), "--tls-key-file", dir.resolve("other.key").toString(),
                "--tls-ca-cert-file", dir.resolve("ca.pem").toString(), "--tls-auth-clients", "no",
                "--requirepass", "s3cret", "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int saved = port;
            port = otherPort;
            try {
                awaitListening();
            } finally {
                port = saved;
            }
            // signed by the trusted CA, but issued for redis.example.org, not 127.0.0.1
            assertThrows(RuntimeException.class, () -> ping("rediss://:s3cret@127.0.0.1:" + otherPort, dir.resolve("ca.pem")));
        } finally {
            other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
