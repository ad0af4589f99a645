package echos.storage;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A throw-away database for the storage contract suites (SQLite in a temp file, a fresh PostgreSQL schema) and the
 * stores of its backend family over it.
 */
public interface TestDatabase extends AutoCloseable {

    Stores stores();

    @Override
    void close();

    static void migrate(DataSource dataSource, String location, String... schemas) {
        Flyway.configure().dataSource(dataSource).locations("classpath:" + location).schemas(schemas).load().migrate();
    }
}
