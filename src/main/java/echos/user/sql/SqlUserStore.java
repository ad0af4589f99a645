package echos.user.sql;

import echos.storage.Jdbc;
import echos.storage.StorageException;
import echos.user.Credentials;
import echos.user.EmailTakenException;
import echos.user.NewUser;
import echos.user.ProfileChange;
import echos.user.User;
import echos.user.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link UserStore} over JDBC, for SQLite and PostgreSQL alike. */
public class SqlUserStore implements UserStore {

    private static final String COLUMNS = "id, email, full_name, bio, avatar_url, created_at, last_seen_at, show_online";

    private final Jdbc jdbc;

    public SqlUserStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public User create(NewUser user) {
        try {
            jdbc.update("INSERT INTO users (id, email, full_name, bio, password_hash, created_at) VALUES (?, ?, ?, '', ?, ?)",
                    user.id(), user.email(), user.fullName(), user.passwordHash(), user.createdAt().toEpochMilli());
        } catch (SQLException e) {
            if (jdbc.dialect().isUniqueViolation(e)) {
                throw new EmailTakenException(user.email());
            }
            throw new StorageException("insert user failed", e);
        }
        return new User(user.id(), user.email(), user.fullName(), "", null, user.createdAt(), null, true);
    }

    @Override
    public Optional<User> findById(String id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM users WHERE id = ?", SqlUserStore::user, id);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return jdbc.one("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(?)", SqlUserStore::user, email);
    }

    @Override
    public Optional<Credentials> findCredentialsByEmail(String email) {
        return jdbc.one("SELECT id, password_hash FROM users WHERE lower(email) = lower(?)", SqlUserStore::credentials, email);
    }

    @Override
    public Optional<Credentials> findCredentialsById(String id) {
        return jdbc.one("SELECT id, password_hash FROM users WHERE id = ?", SqlUserStore::credentials, id);
    }

    @Override
    public Optional<User> updateProfile(String id, ProfileChange change) {
        if (change.fullName() != null) {
            jdbc.updateOrFail("UPDATE users SET full_name = ? WHERE id = ?", change.fullName(), id);
        }
        if (change.bio() != null) {
            jdbc.updateOrFail("UPDATE users SET bio = ? WHERE id = ?", change.bio(), id);
        }
        if (change.showOnline() != null) {
            jdbc.updateOrFail("UPDATE users SET show_online = ? WHERE id = ?", change.showOnline(), id);
        }
        return findById(id);
    }

    @Override
    public void updatePasswordHash(String id, String passwordHash) {
        jdbc.updateOrFail("UPDATE users SET password_hash = ? WHERE id = ?", passwordHash, id);
    }

    @Override
    public List<User> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> unique = List.copyOf(new LinkedHashSet<>(ids));
        String marks = String.join(", ", Collections.nCopies(unique.size(), "?"));
        return jdbc.list("SELECT " + COLUMNS + " FROM users WHERE id IN (" + marks + ")", SqlUserStore::user, unique.toArray());
    }

    @Override
    public List<User> search(String query, String excludedUserId, int limit) {
        String pattern = "%" + query.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        // The email is compared whole (through the lower(email) index), so it cannot be recovered letter by letter.
        return jdbc.list("SELECT " + COLUMNS + " FROM users WHERE id <> ? AND (lower(full_name) LIKE ? ESCAPE '\\' OR lower(email) = lower(?))"
                + " ORDER BY lower(full_name), id LIMIT ?", SqlUserStore::user, excludedUserId, pattern, query, limit);
    }

    @Override
    public List<User> listOthers(String excludedUserId, int limit) {
        return jdbc.list("SELECT " + COLUMNS + " FROM users WHERE id <> ? ORDER BY lower(full_name), id LIMIT ?", SqlUserStore::user,
                excludedUserId, limit);
    }

    @Override
    public void updateLastSeen(String id, Instant lastSeenAt) {
        jdbc.updateOrFail("UPDATE users SET last_seen_at = ? WHERE id = ?", lastSeenAt.toEpochMilli(), id);
    }

    @Override
    public void updateAvatarUrl(String id, String avatarUrl) {
        jdbc.updateOrFail("UPDATE users SET avatar_url = ? WHERE id = ?", avatarUrl, id);
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString("id"), rs.getString("email"), rs.getString("full_name"), rs.getString("bio"),
                rs.getString("avatar_url"), Instant.ofEpochMilli(rs.getLong("created_at")), instantOrNull(rs, "last_seen_at"),
                rs.getBoolean("show_online"));
    }

    private static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Credentials credentials(ResultSet rs) throws SQLException {
        return new Credentials(rs.getString("id"), rs.getString("password_hash"));
    }
}
