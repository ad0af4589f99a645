package echos.storage;

import org.sqlite.SQLiteJDBCLoader;

/**
 * Loads SQLite's native library on a side thread while Quarkus boots. Otherwise the first connection (Flyway's, on
 * the main thread) does it: sqlite-jdbc unpacks the library from its jar, compares it with the copy in the temp
 * directory and forks `uname` first, a few hundred milliseconds of a start that waits for nothing else.
 */
public final class SqliteWarmUp {

    private SqliteWarmUp() {
    }

    public static void start() {
        // logging first, on this thread: sqlite-jdbc logs, and two threads setting up JBoss LogManager at once deadlock
        java.util.logging.LogManager.getLogManager();
        Thread thread = new Thread(SqliteWarmUp::load, "echos-sqlite-load");
        thread.setDaemon(true);
        thread.start();
    }

    private static void load() {
        try {
            SQLiteJDBCLoader.initialize(); // synchronized: a connection opened meanwhile waits for this, then reuses it
        } catch (Exception | LinkageError e) {
            // the first connection tries again and reports the failure where it matters
        }
    }
}
