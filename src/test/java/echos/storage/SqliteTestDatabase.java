package echos.storage;

import echos.storage.sql.SqlStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** SQLite in a temporary file, with the same pragmas as production (WAL, foreign keys, busy timeout). */
public final class SqliteTestDatabase implements TestDatabase {

    private final Path dir;
    private final Jdbc jdbc;

    private SqliteTestDatabase(Path dir, Jdbc jdbc) {
        this.dir = dir;
        this.jdbc = jdbc;
    }

    public static SqliteTestDatabase create() {
        try {
            Path dir = Files.createTempDirectory("echos-sqlite-");
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(5000);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            SQLiteDataSource dataSource = new SQLiteDataSource(config);
            dataSource.setUrl("jdbc:sqlite:" + dir.resolve("echos.db"));
            TestDatabase.migrate(dataSource, "db/sqlite");
            return new SqliteTestDatabase(dir, new Jdbc(dataSource, SqlDialect.SQLITE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
