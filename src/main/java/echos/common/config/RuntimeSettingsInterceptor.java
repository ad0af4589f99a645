package echos.common.config;

import echos.auth.JwtSecret;
import echos.storage.DatabaseUrl;
import echos.storage.StorageBackend;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;
import java.io.File;
import java.nio.file.Path;

/**
 * Turns the seed-style variables (DATABASE_URL, MONGO_URI, DATA_DIR, JWT_SECRET) into the Quarkus properties they
 * imply: which datasource is active (none on MongoDB), its JDBC URL, and the JWT verification key. Runs once per config lookup, so the
 * derived values are computed lazily and cached.
 */
@Priority(Priorities.APPLICATION + 100)
public class RuntimeSettingsInterceptor implements ConfigSourceInterceptor {

    private static final long serialVersionUID = 1L;

    private transient volatile JwtSecret secret;
    private transient volatile DatabaseUrl databaseUrl;
    private transient volatile StorageBackend backend;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext ctx, String name) {
        return switch (name) {
            case "quarkus.datasource.active" -> answer(ctx, name, String.valueOf(usesPostgres(ctx)));
            case "quarkus.datasource.sqlite.active" -> answer(ctx, name, String.valueOf(backend(ctx) == StorageBackend.SQLITE));
            case "quarkus.datasource.jdbc.url" -> usesPostgres(ctx) ? answer(ctx, name, databaseUrl(ctx).jdbcUrl()) : ctx.proceed(name);
            case "quarkus.datasource.username" -> usesPostgres(ctx) ? answerOrNull(ctx, name, databaseUrl(ctx).user()) : ctx.proceed(name);
            case "quarkus.datasource.password" -> usesPostgres(ctx) ? answerOrNull(ctx, name, databaseUrl(ctx).password()) : ctx.proceed(name);
            // only on SQLite: resolving it creates DATA_DIR
            case "quarkus.datasource.sqlite.jdbc.url" -> backend(ctx) == StorageBackend.SQLITE
                    ? answer(ctx, name, "jdbc:sqlite:" + sqliteFile(ctx)) : ctx.proceed(name);
            case "echos.data-dir" -> answer(ctx, name, dataDir(ctx).toString());
            case "smallrye.jwt.verify.secretkey", "smallrye.jwt.sign.key" -> answer(ctx, name, secret(ctx).asJwk());
            case "quarkus.mailer.tls" -> smtpTls(ctx) == null ? ctx.proceed(name) : answer(ctx, name, String.valueOf("tls".equals(smtpTls(ctx))));
            case "quarkus.mailer.start-tls" -> smtpTls(ctx) == null ? ctx.proceed(name)
                    : answer(ctx, name, "starttls".equals(smtpTls(ctx)) ? "REQUIRED" : "DISABLED");
            default -> ctx.proceed(name);
        };
    }

    private JwtSecret secret(ConfigSourceInterceptorContext ctx) {
        if (secret == null) {
            secret = JwtSecret.resolve(raw(ctx, "jwt.secret"), dataDir(ctx));
        }
        return secret;
    }

    private boolean usesPostgres(ConfigSourceInterceptorContext ctx) {
        return backend(ctx) == StorageBackend.POSTGRESQL;
    }

    private StorageBackend backend(ConfigSourceInterceptorContext ctx) {
        if (backend == null) {
            backend = StorageBackend.choose(raw(ctx, "database.url"), raw(ctx, "mongo.uri"), raw(ctx, "mongodb.uri"));
        }
        return backend;
    }

    private DatabaseUrl databaseUrl(ConfigSourceInterceptorContext ctx) {
        if (databaseUrl == null) {
            databaseUrl = DatabaseUrl.parse(raw(ctx, "database.url"));
        }
        return databaseUrl;
    }

    /** SMTP_TLS: starttls (upgrade a plain connection, usually port 587), tls (implicit TLS, port 465) or none. */
    private static String smtpTls(ConfigSourceInterceptorContext ctx) {
        String value = raw(ctx, "smtp.tls");
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static Path dataDir(ConfigSourceInterceptorContext ctx) {
        String dir = raw(ctx, "data.dir");
        return Path.of(dir == null || dir.isBlank() ? "./data" : dir);
    }

    private static String sqliteFile(ConfigSourceInterceptorContext ctx) {
        Path dir = dataDir(ctx);
        // sqlite-jdbc does not create parent folders
        File folder = dir.toFile();
        if (!folder.isDirectory() && !folder.mkdirs() && !folder.isDirectory()) {
            throw new IllegalStateException("DATA_DIR " + dir + " cannot be created");
        }
        return dir.resolve("echos.db").toString();
    }

    private static String raw(ConfigSourceInterceptorContext ctx, String name) {
        ConfigValue value = ctx.proceed(name);
        return value == null ? null : value.getValue();
    }

    private static ConfigValue answer(ConfigSourceInterceptorContext ctx, String name, String value) {
        ConfigValue original = ctx.proceed(name);
        if (original == null) {
            return ConfigValue.builder().withName(name).withValue(value).withRawValue(value)
                    .withConfigSourceName("echos-runtime-settings").build();
        }
        return original.withValue(value);
    }

    private static ConfigValue answerOrNull(ConfigSourceInterceptorContext ctx, String name, String value) {
        return value == null ? null : answer(ctx, name, value);
    }
}
