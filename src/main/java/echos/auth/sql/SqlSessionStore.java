package echos.auth.sql;

import echos.auth.Session;
import echos.auth.SessionStore;
import echos.storage.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link SessionStore} over JDBC, for SQLite and PostgreSQL alike. */
public class SqlSessionStore implements SessionStore {

    private final Jdbc jdbc;

    public SqlSessionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(Session session) {
        jdbc.updateOrFail("INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                session.id(), session.userId(), session.createdAt().toEpochMilli(), session.expiresAt().toEpochMilli());
    }

    @Override
    public Optional<Session> find(String id) {
        return jdbc.one("SELECT id, user_id, created_at, expires_at FROM sessions WHERE id = ?", SqlSessionStore::session, id);
    }

    @Override
    public boolean delete(String id) {
        return jdbc.updateOrFail("DELETE FROM sessions WHERE id = ?", id) > 0;
    }

    @Override
    public int deleteAllOfUserExcept(String userId, String keptSessionId) {
        return jdbc.updateOrFail("DELETE FROM sessions WHERE user_id = ? AND id <> ?", userId, keptSessionId);
    }

    @Override
    public int deleteAllOfUser(String userId) {
        return jdbc.updateOrFail("DELETE FROM sessions WHERE user_id = ?", userId);
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbc.updateOrFail("DELETE FROM sessions WHERE expires_at <= ?", now.toEpochMilli());
    }

    private static Session session(ResultSet rs) throws SQLException {
        return new Session(rs.getString("id"), rs.getString("user_id"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at")));
    }
}
