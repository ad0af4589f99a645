package echos.storage;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A migrated, throw-away database for the storage contract suites: SQLite in a temp file or a fresh PostgreSQL schema. */
public interface TestDatabase extends AutoCloseable {

    Jdbc jdbc();

    @Override
    void close();

    static void migrate(DataSource dataSource, String location, String... schemas) {
        Flyway.configure().dataSource(dataSource).locations("classpath:" + location).schemas(schemas).load().migrate();
    }
}
