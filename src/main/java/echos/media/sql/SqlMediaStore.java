package echos.media.sql;

import echos.media.Media;
import echos.media.MediaKind;
import echos.media.MediaStore;
import echos.storage.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link MediaStore} over JDBC, for SQLite and PostgreSQL alike. */
public class SqlMediaStore implements MediaStore {

    private static final String COLUMNS = "id, owner_id, kind, content_type, width, height, size, url, thumbnail_url, created_at, attached_at";

    private final Jdbc jdbc;

    public SqlMediaStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(Media m) {
        jdbc.updateOrFail("INSERT INTO media (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", m.id(), m.ownerId(), m.kind().json(),
                m.contentType(), m.width(), m.height(), m.size(), m.url(), m.thumbnailUrl(), m.createdAt().toEpochMilli(),
                m.attachedAt() == null ? null : m.attachedAt().toEpochMilli());
    }

    @Override
    public Optional<Media> find(String id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM media WHERE id = ?", SqlMediaStore::media, id);
    }

    @Override
    public boolean attach(String id, Instant now) {
        return jdbc.updateOrFail("UPDATE media SET attached_at = ? WHERE id = ? AND attached_at IS NULL", now.toEpochMilli(), id) > 0;
    }

    @Override
    public void delete(String id) {
        jdbc.updateOrFail("DELETE FROM media WHERE id = ?", id);
    }

    @Override
    public List<Media> unattachedBefore(Instant cutoff, int limit) {
        return jdbc.list("SELECT " + COLUMNS + " FROM media WHERE attached_at IS NULL AND created_at < ? ORDER BY created_at LIMIT ?",
                SqlMediaStore::media, cutoff.toEpochMilli(), limit);
    }

    @Override
    public boolean postedWhereMember(String mediaId, String userId) {
        return jdbc.one("SELECT 1 FROM messages msg JOIN conversation_members m ON m.conversation_id = msg.conversation_id"
                + " WHERE msg.image_id = ? AND m.user_id = ? LIMIT 1", rs -> true, mediaId, userId).isPresent();
    }

    @Override
    public List<Media> ofOwner(String ownerId, MediaKind kind) {
        return jdbc.list("SELECT " + COLUMNS + " FROM media WHERE owner_id = ? AND kind = ? ORDER BY created_at", SqlMediaStore::media,
                ownerId, kind.json());
    }

    private static Media media(ResultSet rs) throws SQLException {
        long attached = rs.getLong("attached_at");
        Instant attachedAt = rs.wasNull() ? null : Instant.ofEpochMilli(attached);
        return new Media(rs.getString("id"), rs.getString("owner_id"), MediaKind.valueOf(rs.getString("kind").toUpperCase()),
                rs.getString("content_type"), rs.getInt("width"), rs.getInt("height"), rs.getLong("size"), rs.getString("url"),
                rs.getString("thumbnail_url"), Instant.ofEpochMilli(rs.getLong("created_at")), attachedAt);
    }
}
