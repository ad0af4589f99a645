package echos.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Stops two deployments from sharing one PostgreSQL database in a way that would silently lose live events: a node
 * without REDIS_URL keeps fan-out, presence and limits in its own memory, so it must be the only node on the
 * database. Each node holds a PostgreSQL advisory lock on its own connection for as long as it runs: exclusive for a
 * single node, shared for nodes with REDIS_URL. A second single node, or a clustered node beside a single one (in
 * either order), cannot take it and is refused at start. The lock goes with the connection, so a node killed with
 * kill -9 frees it as soon as PostgreSQL notices the closed connection.
 */
public final class DeploymentLock implements AutoCloseable {

    /** "Echos" in ASCII: the advisory lock key, per database. */
    static final long KEY = 0x4563686f73L;

    private final Connection connection;

    private DeploymentLock(Connection connection) {
        this.connection = connection;
    }

    /** The lock taken, or the one-line reason it could not be. */
    public record Outcome(Optional<DeploymentLock> lock, Optional<String> problem) {
    }

    public static Outcome take(DatabaseUrl url, boolean clustered) {
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
            boolean taken;
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("select " + (clustered ? "pg_try_advisory_lock_shared" : "pg_try_advisory_lock") + "(" + KEY + ")")) {
                taken = rs.next() && rs.getBoolean(1);
            }
            if (taken) {
                return new Outcome(Optional.of(new DeploymentLock(connection)), Optional.empty());
            }
            connection.close();
            return new Outcome(Optional.empty(), Optional.of(clustered
                    ? "an Echos node without REDIS_URL is running on this database; give every node the same REDIS_URL"
                            + " (stop that node first), or run one node only"
                    : "another Echos node is already running on this database; several nodes need REDIS_URL"
                            + " (the same on every node) so they share live events, presence and limits"));
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // already failing
                }
            }
            return new Outcome(Optional.empty(), Optional.of("cannot check whether other nodes use this database: " + e.getMessage()));
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    void closeQuietly() {
        try {
            close();
        } catch (SQLException ignored) {
            // the lock goes with the connection either way
        }
    }
}
