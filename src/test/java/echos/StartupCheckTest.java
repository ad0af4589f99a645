package echos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCheckTest {

    @Test
    void acceptsAnEmptyEnvironment() {
        assertEquals(Optional.empty(), new StartupCheck(Map.of()).problem());
    }

    @Test
    void namesPortWhenItIsNotANumber() {
        String problem = new StartupCheck(Map.of("PORT", "abc")).problem().orElseThrow();
        assertTrue(problem.startsWith("PORT "), problem);
        assertTrue(new StartupCheck(Map.of("PORT", "70000")).problem().isPresent());
        assertTrue(new StartupCheck(Map.of("PORT", "5001")).problem().isEmpty());
    }

    @Test
    void chattyListLimitsAreWholeNumbersOfAtLeastOne() {
        assertEquals("CHATTY_USERS_LIMIT must be a whole number, got \"many\"",
                new StartupCheck(Map.of("CHATTY_USERS_LIMIT", "many")).problem().orElseThrow());
        assertEquals("CHATTY_HISTORY_LIMIT must be at least 1, got 0", new StartupCheck(Map.of("CHATTY_HISTORY_LIMIT", "0")).problem().orElseThrow());
        assertTrue(new StartupCheck(Map.of("CHATTY_USERS_LIMIT", "5", "CHATTY_HISTORY_LIMIT", "200")).problem().isEmpty());
    }

    @Test
    void namesDatabaseUrlWhenItIsUnreachable() {
        String problem = new StartupCheck(Map.of("DATABASE_URL", "postgres://postgres@127.0.0.1:1/test")).problem().orElseThrow();
        assertTrue(problem.startsWith("DATABASE_URL"), problem);
        assertTrue(problem.lines().count() == 1, problem);
    }

    @Test
    void namesDatabaseUrlWhenItIsNotAPostgresUrl() {
        String problem = new StartupCheck(Map.of("DATABASE_URL", "mysql://localhost/x")).problem().orElseThrow();
        assertTrue(problem.startsWith("DATABASE_URL"), problem);
    }

    @Test
    void acceptsTheLocalPostgres() {
        assertEquals(Optional.empty(), new StartupCheck(Map.of("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")).problem());
    }

    @Test
    void severalNodesNeedASharedDatabaseAndOneSigningKey() {
        String pg = "postgres://postgres@127.0.0.1:5432/test";
        String noDatabase = new StartupCheck(Map.of("REDIS_URL", "redis://127.0.0.1:6379", "JWT_SECRET", "x".repeat(40)))
                .problem().orElseThrow();
        assertTrue(noDatabase.startsWith("REDIS_URL") && noDatabase.contains("DATABASE_URL"), noDatabase);
        String noSecret = new StartupCheck(Map.of("REDIS_URL", "redis://127.0.0.1:6379", "DATABASE_URL", pg)).problem().orElseThrow();
        assertTrue(noSecret.startsWith("REDIS_URL") && noSecret.contains("JWT_SECRET"), noSecret);
        String badUrl = new StartupCheck(Map.of("REDIS_URL", "127.0.0.1:6379", "DATABASE_URL", pg, "JWT_SECRET", "s")).problem().orElseThrow();
        assertTrue(badUrl.startsWith("REDIS_URL must look like"), badUrl);
        assertEquals(Optional.empty(), new StartupCheck(Map.of("REDIS_URL", "rediss://user:pass@cache.example:6380/0",
                "DATABASE_URL", pg, "JWT_SECRET", "x".repeat(40))).problem());
    }

    @Test
    void startsOnAReachableMongoAndStopsInOneLineOnAnUnreachableOrMalformedOne() throws Exception {
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(new de.bwaldvogel.mongo.backend.memory.MemoryBackend());
        server.bind("127.0.0.1", 0);
        java.net.InetSocketAddress address = server.getLocalAddress();
        try {
            assertEquals(Optional.empty(), new StartupCheck(Map.of("MONGODB_URI", "mongodb://127.0.0.1:" + address.getPort() + "/chatty"))
                    .problem());
            assertEquals(Optional.empty(), new StartupCheck(Map.of("MONGO_URI", "mongodb://127.0.0.1:" + address.getPort() + "/echos",
                    "REDIS_URL", "redis://127.0.0.1:6379", "JWT_SECRET", "x".repeat(40))).problem(), "several nodes may share a MongoDB");
        } finally {
            server.shutdownNow();
        }
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String unreachable = new StartupCheck(Map.of("MONGO_URI", "mongodb://127.0.0.1:" + closedPort + "/echos")).problem().orElseThrow();
        assertTrue(unreachable.startsWith("MONGO_URI: cannot reach MongoDB at 127.0.0.1:" + closedPort), unreachable);
        assertTrue(unreachable.lines().count() == 1, unreachable);
        String malformed = new StartupCheck(Map.of("MONGO_URI", "mysql://nope")).problem().orElseThrow();
        assertTrue(malformed.startsWith("MONGO_URI is not a MongoDB connection string"), malformed);
    }

    @Test
    void refusesTwoDatabasesInOneLine() {
        String problem = new StartupCheck(Map.of("MONGO_URI", "mongodb://localhost/echos", "DATABASE_URL", "postgres://db/echos"))
                .problem().orElseThrow();
        assertEquals("DATABASE_URL (PostgreSQL) and MONGO_URI (MongoDB) are both set; Echos stores everything in one database,"
                + " so set only one of them", problem);
        assertTrue(new StartupCheck(Map.of("MONGO_URI", "mongodb://a/x", "MONGODB_URI", "mongodb://b/y")).problem().orElseThrow()
                .startsWith("MONGO_URI and MONGODB_URI are both set"));
    }

    @Test
    void readsDotEnvAndLetsTheProcessEnvironmentWin(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".env"), "# comment\nPORT=\"6001\"\nexport NODE_ENV=production\nJWT_SECRET='x=y'\n");
        Map<String, String> values = StartupCheck.readDotEnv(dir.resolve(".env"));
        assertEquals(Map.of("PORT", "6001", "NODE_ENV", "production", "JWT_SECRET", "x=y"), values);
    }

    @Test
    void tlsNeedsACertificateAndAKeyThatCanBeRead(@TempDir Path dir) throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n");
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n");
        String alone = new StartupCheck(Map.of("TLS_CERT_FILE", cert.toString())).problem().orElseThrow();
        assertTrue(alone.startsWith("TLS_CERT_FILE and TLS_KEY_FILE go together"), alone);
        String missing = new StartupCheck(Map.of("TLS_CERT_FILE", cert.toString(), "TLS_KEY_FILE", dir.resolve("nope.pem").toString()))
                .problem().orElseThrow();
        assertTrue(missing.startsWith("cannot read") && missing.contains("nope.pem"), missing);
        String policy = new StartupCheck(Map.of("TLS_CERT_FILE", cert.toString(), "TLS_KEY_FILE", key.toString(), "HTTP_INSECURE", "maybe"))
                .problem().orElseThrow();
        assertTrue(policy.startsWith("HTTP_INSECURE must be"), policy);
        assertEquals(Optional.empty(), new StartupCheck(Map.of("TLS_CERT_FILE", cert.toString(), "TLS_KEY_FILE", key.toString(),
                "HTTP_INSECURE", "Disabled")).problem());
    }
}
