package echos.realtime;

import echos.message.MessageStore;
import echos.message.NewMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Puts many messages into a conversation for sync tests: straight through SQL on SQLite and PostgreSQL (thousands
 * of sends would take minutes), through the message store on MongoDB.
 */
final class Backlog {

    private Backlog() {
    }

    /** Appends messages 1..count (ids conversationId-backlog-N) through the store, for a backend without a SQL pool. */
    static void append(MessageStore messages, String conversationId, String senderId, int count) {
        java.time.Instant now = java.time.Instant.now();
        for (int seq = 1; seq <= count; seq++) {
            messages.append(new NewMessage(conversationId + "-backlog-" + seq, conversationId, senderId, "backlog-" + seq,
                    "backlog message number " + seq + " with a little padding to look like chat", now, null));
        }
    }

    /** Inserts messages 1..count from the sender, in one transaction, and moves the conversation's last seq to count. */
    static void insert(DataSource pool, String conversationId, String senderId, int count) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            long now = System.currentTimeMillis();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO messages (id, conversation_id, seq, sender_id,"
                    + " client_id, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int seq = 1; seq <= count; seq++) {
                    insert.setString(1, conversationId + "-backlog-" + seq);
                    insert.setString(2, conversationId);
                    insert.setLong(3, seq);
                    insert.setString(4, senderId);
                    insert.setString(5, "backlog-" + seq);
                    insert.setString(6, "backlog message number " + seq + " with a little padding to look like chat");
                    insert.setLong(7, now);
                    insert.addBatch();
                    if (seq % 5_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement last = c.prepareStatement("UPDATE conversations SET last_seq = ? WHERE id = ?")) {
                last.setLong(1, count);
                last.setString(2, conversationId);
                last.executeUpdate();
            }
            c.commit();
        }
    }
}
