package echos.message.sql;

import echos.message.Message;
import echos.message.MessageStore;
import echos.message.NewMessage;
import echos.storage.Jdbc;
import echos.storage.StorageException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link MessageStore} over JDBC. The seq comes from incrementing the conversation row inside the insert's
 * transaction: PostgreSQL locks that row until commit and SQLite runs one writer at a time (BEGIN IMMEDIATE),
 * so concurrent senders get consecutive numbers and a failed insert gives its number back by rolling back.
 */
@ApplicationScoped
public class SqlMessageStore implements MessageStore {

    private static final String COLUMNS = "id, conversation_id, seq, sender_id, client_id, text, created_at";

    private final Jdbc jdbc;

    public SqlMessageStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Appended append(NewMessage message) {
        Optional<Message> existing = byClientId(message);
        if (existing.isPresent()) {
            return new Appended(existing.get(), false);
        }
        try {
            Message stored = jdbc.inTransaction(() -> {
                long seq = jdbc.one("UPDATE conversations SET last_seq = last_seq + 1, last_activity_at = ? WHERE id = ? RETURNING last_seq",
                        rs -> rs.getLong(1), message.createdAt().toEpochMilli(), message.conversationId())
                        .orElseThrow(() -> new StorageException("no conversation " + message.conversationId(), null));
                jdbc.update("INSERT INTO messages (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", message.id(), message.conversationId(),
                        seq, message.senderId(), message.clientId(), message.text(), message.createdAt().toEpochMilli());
                return new Message(message.id(), message.conversationId(), seq, message.senderId(), message.clientId(),
                        message.text(), message.createdAt());
            });
            return new Appended(stored, true);
        } catch (SQLException e) {
            if (jdbc.dialect().isUniqueViolation(e)) {
                return new Appended(byClientId(message).orElseThrow(() -> new StorageException("message vanished", e)), false);
            }
            throw new StorageException("append message failed", e);
        }
    }

    @Override
    public List<Message> before(String conversationId, long beforeSeq, int limit) {
        return jdbc.list("SELECT " + COLUMNS + " FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
                SqlMessageStore::message, conversationId, beforeSeq, limit);
    }

    @Override
    public List<Message> after(String conversationId, long afterSeq, int limit) {
        return jdbc.list("SELECT " + COLUMNS + " FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?",
                SqlMessageStore::message, conversationId, afterSeq, limit);
    }

    @Override
    public Optional<Message> last(String conversationId) {
        return jdbc.one("SELECT " + COLUMNS + " FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1",
                SqlMessageStore::message, conversationId);
    }

    @Override
    public int countUnread(String conversationId, String userId, long afterSeq) {
        return jdbc.one("SELECT count(*) FROM messages WHERE conversation_id = ? AND seq > ? AND sender_id <> ?",
                rs -> rs.getInt(1), conversationId, afterSeq, userId).orElse(0);
    }

    private Optional<Message> byClientId(NewMessage message) {
        return jdbc.one("SELECT " + COLUMNS + " FROM messages WHERE conversation_id = ? AND sender_id = ? AND client_id = ?",
                SqlMessageStore::message, message.conversationId(), message.senderId(), message.clientId());
    }

    private static Message message(ResultSet rs) throws SQLException {
        return new Message(rs.getString("id"), rs.getString("conversation_id"), rs.getLong("seq"), rs.getString("sender_id"),
                rs.getString("client_id"), rs.getString("text"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
