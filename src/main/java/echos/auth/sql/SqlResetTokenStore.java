package echos.auth.sql;

import echos.auth.ResetToken;
import echos.auth.ResetTokenStore;
import echos.storage.Jdbc;
import echos.storage.StorageException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link ResetTokenStore} over JDBC, for SQLite and PostgreSQL alike. */
public class SqlResetTokenStore implements ResetTokenStore {

    private final Jdbc jdbc;

    public SqlResetTokenStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(ResetToken token) {
        jdbc.updateOrFail("INSERT INTO password_reset_tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                token.tokenHash(), token.userId(), token.createdAt().toEpochMilli(), token.expiresAt().toEpochMilli());
    }

    @Override
    public void invalidateAllOf(String userId) {
        jdbc.updateOrFail("DELETE FROM password_reset_tokens WHERE user_id = ? AND used_at IS NULL", userId);
    }

    @Override
    public Optional<String> consume(String tokenHash, Instant now) {
        try {
            return jdbc.inTransaction(() -> {
                int used = jdbc.update("UPDATE password_reset_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
                        now.toEpochMilli(), tokenHash, now.toEpochMilli());
                if (used == 0) {
                    return Optional.<String>empty();
                }
                return jdbc.one("SELECT user_id FROM password_reset_tokens WHERE token_hash = ?", rs -> rs.getString(1), tokenHash);
            });
        } catch (SQLException e) {
            throw new StorageException("consume reset token failed", e);
        }
    }
}
