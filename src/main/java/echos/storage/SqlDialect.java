package echos.storage;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The few places where SQLite and PostgreSQL differ for the SQL adapters. */
public enum SqlDialect {
    SQLITE, POSTGRES;

    public static SqlDialect of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase();
            return product.contains("postgres") ? POSTGRES : SQLITE;
        } catch (SQLException e) {
            throw new StorageException("cannot detect database kind", e);
        }
    }

    public boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                if (this == POSTGRES && "23505".equals(sql.getSQLState())) {
                    return true;
                }
                // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555)
                if (this == SQLITE && (sql.getErrorCode() == 19 || sql.getErrorCode() == 2067 || sql.getErrorCode() == 1555)
                        && String.valueOf(sql.getMessage()).contains("UNIQUE")) {
                    return true;
                }
            }
        }
        return false;
    }
}
