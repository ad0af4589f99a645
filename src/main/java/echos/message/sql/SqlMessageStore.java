package echos.message.sql;

import echos.message.Message;
import echos.message.MessageStore;
import echos.message.NewMessage;
import echos.message.ReactionRows;
import echos.storage.GroupCommit;
import echos.storage.Jdbc;
import echos.storage.StorageException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link MessageStore} over JDBC. The seq comes from incrementing the conversation row inside the insert's
 * transaction: PostgreSQL locks that row until commit and SQLite runs one writer at a time (BEGIN IMMEDIATE),
 * so concurrent senders get consecutive numbers and a failed insert gives its number back by rolling back. Appends
 * go through {@link GroupCommit}: the sends waiting at one moment share one transaction and one commit.
 */
public class SqlMessageStore implements MessageStore {

    private static final String COLUMNS = "id, conversation_id, seq, sender_id, client_id, text, created_at, image_id, reply_to_id";
    private static final String SELECT = "SELECT m.id, m.conversation_id, m.seq, m.sender_id, m.client_id, m.text, m.created_at, m.image_id,"
            + " m.edited_at, m.deleted_at, m.change_seq,"
            + " i.url AS image_url, i.thumbnail_url AS image_thumbnail_url, i.width AS image_width, i.height AS image_height,"
            + " m.reply_to_id, q.seq AS quote_seq, q.sender_id AS quote_sender_id, q.text AS quote_text, q.image_id AS quote_image_id,"
            + " q.deleted_at AS quote_deleted_at"
            // the quoted message joins on its primary key within the same row read, so a page of replies costs no extra query
            + " FROM messages m LEFT JOIN media i ON i.id = m.image_id LEFT JOIN messages q ON q.id = m.reply_to_id ";

    private final Jdbc jdbc;
    private final GroupCommit appends;

    /** @param appends the group commit that stores concurrent sends in shared transactions */
    public SqlMessageStore(Jdbc jdbc, GroupCommit appends) {
        this.jdbc = jdbc;
        this.appends = appends;
    }

    @Override
    public Appended append(NewMessage message) {
        Optional<Message> existing = byClientId(message);
        if (existing.isPresent()) {
            return new Appended(existing.get(), false);
        }
        try {
            long storedSeq = appends.run(message.conversationId(), () -> {
                long seq = jdbc.one("UPDATE conversations SET last_seq = last_seq + 1, last_activity_at = ? WHERE id = ? RETURNING last_seq",
                        rs -> rs.getLong(1), message.createdAt().toEpochMilli(), message.conversationId())
                        .orElseThrow(() -> new StorageException("no conversation " + message.conversationId(), null));
                jdbc.update("INSERT INTO messages (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", message.id(), message.conversationId(),
                        seq, message.senderId(), message.clientId(), message.text(), message.createdAt().toEpochMilli(), message.imageId(),
                        message.replyToId());
                return seq;
            });
            if (message.imageId() == null && message.replyToId() == null) {
                return new Appended(new Message(message.id(), message.conversationId(), storedSeq, message.senderId(),
                        message.clientId(), message.text(), message.createdAt()), true);
            }
            return new Appended(one(message.conversationId(), storedSeq), true);
        } catch (SQLException e) {
            if (jdbc.dialect().isUniqueViolation(e)) {
                return new Appended(byClientId(message).orElseThrow(() -> new StorageException("message vanished", e)), false);
            }
            throw new StorageException("append message failed", e);
        }
    }

    @Override
    public List<Message> before(String conversationId, long beforeSeq, int limit) {
        return withReactions(jdbc.list(SELECT + "WHERE m.conversation_id = ? AND m.seq < ? ORDER BY m.seq DESC LIMIT ?",
                SqlMessageStore::message, conversationId, beforeSeq, limit));
    }

    @Override
    public List<Message> after(String conversationId, long afterSeq, int limit) {
        return withReactions(jdbc.list(SELECT + "WHERE m.conversation_id = ? AND m.seq > ? ORDER BY m.seq ASC LIMIT ?",
                SqlMessageStore::message, conversationId, afterSeq, limit));
    }

    @Override
    public Optional<Message> last(String conversationId) {
        return withReactions(jdbc.one(SELECT + "WHERE m.conversation_id = ? ORDER BY m.seq DESC LIMIT 1",
                SqlMessageStore::message, conversationId));
    }

    @Override
    public Map<String, Message> lastOf(Collection<String> conversationIds) {
        Map<String, Message> last = new HashMap<>();
        if (conversationIds.isEmpty()) {
            return last;
        }
        List<String> ids = List.copyOf(new LinkedHashSet<>(conversationIds));
        // The newest message of each is the one at its conversation's last_seq (append raises both in one
        // transaction): one (conversation_id, seq) lookup per conversation. A max(seq) subquery per row instead made
        // the planners of both databases visit every message of every listed conversation (QueryPlanContract).
        withReactions(jdbc.list(SELECT.replace(" FROM messages m ", " FROM conversations lc JOIN messages m ON m.conversation_id = lc.id"
                + " AND m.seq = lc.last_seq ") + "WHERE lc.id IN (" + marks(ids.size()) + ")",
                SqlMessageStore::message, ids.toArray())).forEach(m -> last.put(m.conversationId(), m));
        return last;
    }

    @Override
    public int countUnread(String conversationId, String userId, long afterSeq) {
        return jdbc.one("SELECT count(*) FROM messages WHERE conversation_id = ? AND seq > ? AND sender_id <> ?",
                rs -> rs.getInt(1), conversationId, afterSeq, userId).orElse(0);
    }

    @Override
    public Map<String, Integer> countUnread(String userId, Map<String, Long> afterSeqByConversation) {
        Map<String, Integer> unread = MessageStore.zeroCounts(afterSeqByConversation.keySet());
        if (afterSeqByConversation.isEmpty()) {
            return unread;
        }
        List<Object> params = new ArrayList<>(List.of(userId));
        List<String> ranges = new ArrayList<>();
        afterSeqByConversation.forEach((conversationId, afterSeq) -> {
            ranges.add("(conversation_id = ? AND seq > ?)");
            params.add(conversationId);
            params.add(afterSeq);
        });
        jdbc.list("SELECT conversation_id, count(*) FROM messages WHERE sender_id <> ? AND (" + String.join(" OR ", ranges) + ")"
                + " GROUP BY conversation_id", rs -> Map.entry(rs.getString(1), rs.getInt(2)), params.toArray())
                .forEach(e -> unread.put(e.getKey(), e.getValue()));
        return unread;
    }

    @Override
    public Map<String, Integer> countUnreadByUser(String conversationId, Map<String, Long> afterSeqByUser) {
        Map<String, Integer> unread = MessageStore.zeroCounts(afterSeqByUser.keySet());
        if (afterSeqByUser.isEmpty()) {
            return unread;
        }
        List<String> users = List.copyOf(afterSeqByUser.keySet());
        List<Object> params = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        for (String user : users) {
            counts.add("count(CASE WHEN seq > ? AND sender_id <> ? THEN 1 END)");
            params.add(afterSeqByUser.get(user));
            params.add(user);
        }
        params.add(conversationId);
        params.add(Collections.min(afterSeqByUser.values()));
        // one row, one column per user, over the messages after the lowest of their positions
        List<Integer> row = jdbc.one("SELECT " + String.join(", ", counts) + " FROM messages WHERE conversation_id = ? AND seq > ?", rs -> {
            List<Integer> columns = new ArrayList<>();
            for (int i = 1; i <= users.size(); i++) {
                columns.add(rs.getInt(i));
            }
            return columns;
        }, params.toArray()).orElseThrow();
        for (int i = 0; i < users.size(); i++) {
            unread.put(users.get(i), row.get(i));
        }
        return unread;
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private Optional<Message> byClientId(NewMessage message) {
        return withReactions(jdbc.one(SELECT + "WHERE m.conversation_id = ? AND m.sender_id = ? AND m.client_id = ?",
                SqlMessageStore::message, message.conversationId(), message.senderId(), message.clientId()));
    }

    @Override
    public Optional<Message> find(String conversationId, String messageId) {
        return withReactions(jdbc.one(SELECT + "WHERE m.conversation_id = ? AND m.id = ?", SqlMessageStore::message, conversationId, messageId));
    }

    @Override
    public Optional<Message> edit(String conversationId, String messageId, String text, Instant at) {
        try {
            boolean edited = jdbc.inTransaction(() -> {
                if (jdbc.one("SELECT 1 FROM messages WHERE conversation_id = ? AND id = ? AND deleted_at IS NULL", rs -> 1,
                        conversationId, messageId).isEmpty()) {
                    return false;
                }
                long change = nextChange(conversationId, messageId, at);
                jdbc.update("UPDATE messages SET text = ?, edited_at = ?, change_seq = ? WHERE id = ?", text, at.toEpochMilli(), change, messageId);
                return true;
            });
            return edited ? find(conversationId, messageId) : Optional.empty();
        } catch (SQLException e) {
            throw new StorageException("edit message failed", e);
        }
    }

    @Override
    public Optional<Deleted> delete(String conversationId, String messageId, Instant at) {
        try {
            Optional<String> removedImage = jdbc.inTransaction(() -> {
                Optional<Message> current = jdbc.one(SELECT + "WHERE m.conversation_id = ? AND m.id = ? AND m.deleted_at IS NULL",
                        SqlMessageStore::message, conversationId, messageId);
                if (current.isEmpty()) {
                    return null;
                }
                long change = nextChange(conversationId, messageId, at);
                jdbc.update("UPDATE messages SET text = '', image_id = NULL, deleted_at = ?, change_seq = ? WHERE id = ?",
                        at.toEpochMilli(), change, messageId);
                jdbc.update("DELETE FROM message_reactions WHERE message_id = ?", messageId);
                return Optional.ofNullable(current.get().image() == null ? null : current.get().image().id());
            });
            if (removedImage == null) {
                return Optional.empty();
            }
            return Optional.of(new Deleted(find(conversationId, messageId).orElseThrow(), removedImage.orElse(null)));
        } catch (SQLException e) {
            throw new StorageException("delete message failed", e);
        }
    }

    @Override
    public List<Change> changesAfter(String conversationId, long afterChange, int limit) {
        List<Change> logged = jdbc.list(SELECT.replace(" FROM messages m ", ", c.change_seq AS logged_change FROM message_changes c"
                + " JOIN messages m ON m.id = c.message_id ") + "WHERE c.conversation_id = ? AND c.change_seq > ? ORDER BY c.change_seq LIMIT ?",
                rs -> new Change(rs.getLong("logged_change"), message(rs)), conversationId, afterChange, limit);
        List<Message> current = withReactions(logged.stream().map(Change::message).toList());
        List<Change> out = new ArrayList<>(logged.size());
        for (int i = 0; i < logged.size(); i++) {
            out.add(new Change(logged.get(i).changeSeq(), current.get(i)));
        }
        return out;
    }

    @Override
    public Reacted react(String conversationId, String messageId, String userId, String emoji, boolean add, ReactionLimits limits,
            Instant at) {
        try {
            ReactionOutcome outcome = jdbc.inTransaction(() -> {
                // The conversation row first, as edit and delete take it (in nextChange) before the message row: one lock
                // order, no deadlock. Holding it, reactions to the message take turns, so the limits see each other's rows.
                if (jdbc.update("UPDATE conversations SET last_change = last_change WHERE id = ?", conversationId) == 0
                        || jdbc.update("UPDATE messages SET change_seq = change_seq WHERE id = ? AND conversation_id = ? AND deleted_at IS NULL",
                                messageId, conversationId) == 0) {
                    return ReactionOutcome.NO_MESSAGE;
                }
                if (add) {
                    ReactionOutcome verdict = jdbc.one("SELECT count(CASE WHEN user_id = ? AND emoji = ? THEN 1 END),"
                            + " count(CASE WHEN emoji = ? THEN 1 END), count(DISTINCT emoji), count(CASE WHEN user_id = ? THEN 1 END)"
                            + " FROM message_reactions WHERE message_id = ?", rs -> {
                                if (rs.getInt(1) > 0) {
                                    return ReactionOutcome.UNCHANGED;
                                }
                                if (rs.getInt(2) == 0 && rs.getInt(3) >= limits.distinctPerMessage()) {
                                    return ReactionOutcome.TOO_MANY_EMOJI;
                                }
                                // CHANGED here: nothing stands in the way
                                return rs.getInt(4) >= limits.perUserPerMessage() ? ReactionOutcome.TOO_MANY_FROM_USER : ReactionOutcome.CHANGED;
                            }, userId, emoji, emoji, userId, messageId).orElseThrow();
                    if (verdict != ReactionOutcome.CHANGED) {
                        return verdict;
                    }
                    jdbc.update("INSERT INTO message_reactions (message_id, user_id, emoji, created_at) VALUES (?, ?, ?, ?)",
                            messageId, userId, emoji, at.toEpochMilli());
                } else if (jdbc.update("DELETE FROM message_reactions WHERE message_id = ? AND user_id = ? AND emoji = ?",
                        messageId, userId, emoji) == 0) {
                    return ReactionOutcome.UNCHANGED;
                }
                long change = nextChange(conversationId, messageId, at);
                jdbc.update("UPDATE messages SET change_seq = ? WHERE id = ?", change, messageId);
                return ReactionOutcome.CHANGED;
            });
            if (outcome == ReactionOutcome.NO_MESSAGE) {
                return new Reacted(outcome, null);
            }
            return new Reacted(outcome, find(conversationId, messageId).orElseThrow(() -> new StorageException("message vanished", null)));
        } catch (SQLException e) {
            throw new StorageException("react to message failed", e);
        }
    }

    private Optional<Message> withReactions(Optional<Message> message) {
        return message.map(m -> withReactions(List.of(m)).get(0));
    }

    /** The messages with their reactions, read with one query for all of them (none when none can have any). */
    private List<Message> withReactions(List<Message> messages) {
        List<String> ids = messages.stream().filter(m -> !m.deleted()).map(Message::id).distinct().toList();
        if (ids.isEmpty()) {
            return messages;
        }
        return ReactionRows.attach(messages, jdbc.list("SELECT message_id, emoji, user_id, created_at FROM message_reactions"
                + " WHERE message_id IN (" + marks(ids.size()) + ")", rs -> new ReactionRows.Row(rs.getString(1), rs.getString(2),
                        rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))), ids.toArray()));
    }

    @Override
    public boolean imageInUse(String imageId) {
        return jdbc.one("SELECT 1 FROM messages WHERE image_id = ? LIMIT 1", rs -> true, imageId).isPresent();
    }

    /** Takes the conversation's next change number and logs the change; runs inside the caller's transaction. */
    private long nextChange(String conversationId, String messageId, Instant at) throws SQLException {
        long change = jdbc.one("UPDATE conversations SET last_change = last_change + 1 WHERE id = ? RETURNING last_change",
                rs -> rs.getLong(1), conversationId).orElseThrow(() -> new StorageException("no conversation " + conversationId, null));
        jdbc.update("INSERT INTO message_changes (conversation_id, change_seq, message_id, changed_at) VALUES (?, ?, ?, ?)",
                conversationId, change, messageId, at.toEpochMilli());
        return change;
    }

    private Message one(String conversationId, long seq) {
        return jdbc.one(SELECT + "WHERE m.conversation_id = ? AND m.seq = ?", SqlMessageStore::message, conversationId, seq)
                .orElseThrow(() -> new StorageException("message vanished", null));
    }

    private static Message message(ResultSet rs) throws SQLException {
        String imageId = rs.getString("image_id");
        Message.MessageImage image = imageId == null || rs.getString("image_url") == null ? null : new Message.MessageImage(imageId,
                rs.getString("image_url"), rs.getString("image_thumbnail_url"), rs.getInt("image_width"), rs.getInt("image_height"));
        Instant deletedAt = instantOrNull(rs, "deleted_at");
        return new Message(rs.getString("id"), rs.getString("conversation_id"), rs.getLong("seq"), rs.getString("sender_id"),
                rs.getString("client_id"), deletedAt == null ? rs.getString("text") : null, Instant.ofEpochMilli(rs.getLong("created_at")),
                deletedAt == null ? image : null, instantOrNull(rs, "edited_at"), deletedAt, rs.getLong("change_seq"), quote(rs));
    }

    private static Message.Quote quote(ResultSet rs) throws SQLException {
        String id = rs.getString("reply_to_id");
        if (id == null) {
            return null;
        }
        long seq = rs.getLong("quote_seq");
        if (rs.wasNull()) {
            // the quoted row is gone (not possible while messages are only tombstoned): shown as deleted
            return Message.Quote.of(id, 0, null, null, false, true);
        }
        return Message.Quote.of(id, seq, rs.getString("quote_sender_id"), rs.getString("quote_text"), rs.getString("quote_image_id") != null,
                instantOrNull(rs, "quote_deleted_at") != null);
    }

    private static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
