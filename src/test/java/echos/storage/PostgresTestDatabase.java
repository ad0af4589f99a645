package echos.storage;

import echos.storage.sql.SqlStores;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh schema in the real PostgreSQL (TEST_POSTGRES_URL, default jdbc:postgresql://127.0.0.1:5432/test as
 * postgres), migrated, and dropped again on close.
 */
public final class PostgresTestDatabase implements TestDatabase {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final PGSimpleDataSource admin;
    private final String schema;
    private final Jdbc jdbc;

    private PostgresTestDatabase(PGSimpleDataSource admin, String schema, Jdbc jdbc) {
        this.admin = admin;
        this.schema = schema;
        this.jdbc = jdbc;
    }

    public static String baseUrl() {
        String url = System.getenv("TEST_POSTGRES_URL");
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    public static String freshSchemaName() {
        return "echos_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    public static PostgresTestDatabase create() {
        String schema = freshSchemaName();
        PGSimpleDataSource admin = dataSource(baseUrl());
        PGSimpleDataSource scoped = dataSource(baseUrl());
        scoped.setCurrentSchema(schema);
        TestDatabase.migrate(scoped, "db/pg", schema);
        return new PostgresTestDatabase(admin, schema, new Jdbc(scoped, SqlDialect.POSTGRES));
    }

    public static void dropSchema(String schema) {
        try (Connection c = dataSource(baseUrl()).getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        if (ds.getUser() == null) {
            ds.setUser("postgres");
        }
        return ds;
    }

    @Override
    public Stores stores() {
        return SqlStores.over(jdbc);
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        dropSchema(schema);
    }

    String schema() {
        return schema;
    }

    PGSimpleDataSource admin() {
        return admin;
    }
}
