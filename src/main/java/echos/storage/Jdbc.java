package echos.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/**
 * Thin JDBC plumbing shared by the SQL adapters: parameter binding, row mapping, and transactions.
 * Inside {@link #inTransaction} every call on this object uses the transaction's connection.
 */
public final class Jdbc {

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final LongAdder statements = new LongAdder();
    private volatile BiConsumer<String, Object[]> tap;

    public Jdbc(DataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** How many statements this object has run since start, on every thread: lets a test hold a request to a fixed number. */
    public long statementsRun() {
        return statements.sum();
    }

    /**
     * Hands every statement run from now on, with its parameters, to {@code listener} until the returned handle is
     * closed: lets a test EXPLAIN exactly what a store runs. One listener at a time.
     */
    public AutoCloseable tap(BiConsumer<String, Object[]> listener) {
        tap = listener;
        return () -> tap = null;
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        });
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs an INSERT/UPDATE/DELETE; SQLExceptions are rethrown as is so adapters can map constraint violations. */
    public int update(String sql, Object... params) throws SQLException {
        return onConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                return ps.executeUpdate();
            }
        });
    }

    public int updateOrFail(String sql, Object... params) {
        try {
            return update(sql, params);
        } catch (SQLException e) {
            throw new StorageException("update failed", e);
        }
    }

    /** Whether this thread is inside {@link #inTransaction}. */
    public boolean inTransactionNow() {
        return current.get() != null;
    }

    /** Runs work in one transaction; nested calls join the outer one. Any exception rolls back. */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        if (current.get() != null) {
            return work.run();
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            current.set(c);
            try {
                T result = work.run();
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                current.remove();
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private interface ConnectionWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withConnection(ConnectionWork<T> work) {
        try {
            return onConnection(work);
        } catch (SQLException e) {
            throw new StorageException("query failed", e);
        }
    }

    /** Runs on the current transaction's connection, or on a pooled one for just this call. */
    private <T> T onConnection(ConnectionWork<T> work) throws SQLException {
        Connection tx = current.get();
        if (tx != null) {
            return work.run(tx);
        }
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        }
    }

    private PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        statements.increment();
        BiConsumer<String, Object[]> listener = tap;
        if (listener != null) {
            listener.accept(sql, params.clone());
        }
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
