package echos;

import echos.storage.DatabaseUrl;
import echos.storage.StorageBackend;
import echos.storage.mongo.MongoConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Checks the environment before Quarkus boots, so a bad value stops start-up with one line naming the variable
 * instead of a stack trace. Reads the process environment over ./.env, as Quarkus does.
 */
public final class StartupCheck {

    private final Map<String, String> env;

    public StartupCheck(Map<String, String> env) {
        this.env = env;
    }

    public static StartupCheck fromProcess(Path workingDir) {
        Map<String, String> merged = new HashMap<>(readDotEnv(workingDir.resolve(".env")));
        merged.putAll(System.getenv());
        return new StartupCheck(merged);
    }

    /** @return the problem, in one line, or empty when start-up may go on */
    public Optional<String> problem() {
        String port = value("PORT");
        if (port != null && !isPort(port)) {
            return Optional.of("PORT must be a number from 1 to 65535, got \"" + port + "\"");
        }
        StorageBackend backend;
        try {
            backend = StorageBackend.choose(value("DATABASE_URL"), value("MONGO_URI"), value("MONGODB_URI"));
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (backend == StorageBackend.MONGODB) {
            Optional<String> mongo = MongoConnection.problemWith(value("MONGO_URI") != null ? value("MONGO_URI") : value("MONGODB_URI"));
            if (mongo.isPresent()) {
                return mongo;
            }
        }
        String databaseUrl = value("DATABASE_URL");
        if (databaseUrl != null) {
            DatabaseUrl parsed;
            try {
                parsed = DatabaseUrl.parse(databaseUrl);
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
            Optional<String> unreachable = unreachable(parsed);
            if (unreachable.isPresent()) {
                return unreachable;
            }
        }
        Optional<String> tls = tlsProblem();
        if (tls.isPresent()) {
            return tls;
        }
        Optional<String> cluster = severalNodesProblem();
        if (cluster.isPresent()) {
            return cluster;
        }
        for (String name : List.of("BCRYPT_COST", "RATE_LIMIT_LOGIN_FAILURES_PER_EMAIL", "RATE_LIMIT_LOGIN_FAILURES_PER_IP",
                "RATE_LIMIT_SIGNUPS_PER_IP", "DATABASE_POOL_SIZE", "HSTS_MAX_AGE", "CHATTY_USERS_LIMIT", "CHATTY_HISTORY_LIMIT")) {
            String v = value(name);
            if (v != null && !v.matches("\\d{1,9}")) {
                return Optional.of(name + " must be a whole number, got \"" + v + "\"");
            }
        }
        for (String name : List.of("CHATTY_USERS_LIMIT", "CHATTY_HISTORY_LIMIT")) {
            String v = value(name);
            if (v != null && Integer.parseInt(v) < 1) {
                return Optional.of(name + " must be at least 1, got " + v);
            }
        }
        String cost = value("BCRYPT_COST");
        if (cost != null && (Integer.parseInt(cost) < 10 || Integer.parseInt(cost) > 16)) {
            return Optional.of("BCRYPT_COST must be between 10 and 16, got " + cost);
        }
        return Optional.empty();
    }

    /** REDIS_URL means several nodes: they must share the database and the session signing key. */
    private Optional<String> severalNodesProblem() {
        String redisUrl = value("REDIS_URL");
        if (redisUrl == null) {
            return Optional.empty();
        }
        if (!redisUrl.matches("(?i)rediss?://[^\\s]+")) {
            return Optional.of("REDIS_URL must look like redis://host:6379/0 (or rediss:// for TLS)");
        }
        if (value("DATABASE_URL") == null && value("MONGO_URI") == null && value("MONGODB_URI") == null) {
            return Optional.of("REDIS_URL is set (several nodes) but DATABASE_URL is not: each node would keep its own"
                    + " embedded database; set DATABASE_URL to the PostgreSQL (or MONGO_URI to the MongoDB) all nodes share");
        }
        if (value("JWT_SECRET") == null) {
            return Optional.of("REDIS_URL is set (several nodes) but JWT_SECRET is not: every node must sign sessions"
                    + " with the same key; set JWT_SECRET to one long random value on all nodes");
        }
        String ca = value("REDIS_TLS_CA_FILE");
        if (ca != null && !java.nio.file.Files.isReadable(Path.of(ca))) {
            return Optional.of("cannot read " + ca + " (REDIS_TLS_CA_FILE)");
        }
        return Optional.empty();
    }

    private Optional<String> unreachable(DatabaseUrl url) {
        Properties props = new Properties();
        if (url.user() != null) {
            props.setProperty("user", url.user());
        }
        if (url.password() != null) {
            props.setProperty("password", url.password());
        }
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "10");
        try (Connection ignored = DriverManager.getConnection(url.jdbcUrl(), props)) {
            return Optional.empty();
        } catch (SQLException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return Optional.of("DATABASE_URL: cannot connect to PostgreSQL at " + url.jdbcUrl() + " (" + reason + ")");
        }
    }

    private Optional<String> tlsProblem() {
        String cert = value("TLS_CERT_FILE");
        String key = value("TLS_KEY_FILE");
        if ((cert == null) != (key == null)) {
            return Optional.of("TLS_CERT_FILE and TLS_KEY_FILE go together (PEM files of the certificate chain and its private key); set both or neither");
        }
        if (cert != null) {
            for (String file : new String[] {cert, key}) {
                if (!java.nio.file.Files.isReadable(Path.of(file))) {
                    return Optional.of("cannot read " + file + " (TLS_CERT_FILE / TLS_KEY_FILE)");
                }
            }
        }
        String insecure = value("HTTP_INSECURE");
        if (insecure != null && !java.util.Set.of("redirect", "disabled", "enabled").contains(insecure.toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of("HTTP_INSECURE must be redirect, disabled or enabled, got \"" + insecure + "\"");
        }
        return Optional.empty();
    }

    /** The setting from the environment or .env, trimmed; null when unset or blank. */
    String value(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static boolean isPort(String value) {
        if (!value.matches("\\d{1,5}")) {
            return false;
        }
        int port = Integer.parseInt(value);
        return port >= 1 && port <= 65535;
    }

    static Map<String, String> readDotEnv(Path file) {
        Map<String, String> values = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                    continue;
                }
                String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
                if (key.startsWith("export ")) {
                    key = key.substring(7).strip();
                }
                String value = trimmed.substring(trimmed.indexOf('=') + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(key, value);
            }
        } catch (IOException e) {
            // Quarkus reads the same file and will report it; nothing to check here
        }
        return values;
    }
}
