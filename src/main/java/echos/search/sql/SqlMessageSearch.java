package echos.search.sql;

import echos.search.MessageSearch;
import echos.search.SearchCursor;
import echos.storage.Jdbc;
import echos.storage.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link MessageSearch} over SQLite's FTS5 table messages_fts (ranked by bm25) or PostgreSQL's GIN index on
 * to_tsvector('simple', text) (ranked by ts_rank). Membership is a join on conversation_members in the same query,
 * so a user who has left a conversation finds nothing in it from that moment. The terms only ever reach the database
 * as bound parameters, each quoted as a prefix term.
 */
public class SqlMessageSearch implements MessageSearch {

    private final Jdbc jdbc;

    public SqlMessageSearch(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Found> search(Query query) {
        List<Object> params = new ArrayList<>();
        String matches = jdbc.dialect() == SqlDialect.POSTGRES ? postgres(query, params) : sqlite(query, params);
        StringBuilder sql = new StringBuilder("SELECT * FROM (").append(matches).append(") hits");
        SearchCursor after = query.after();
        if (after != null) {
            sql.append(" WHERE (score < ? OR (score = ? AND (created_at < ? OR (created_at = ? AND id < ?))))");
            params.addAll(List.of(after.score(), after.score(), after.createdAtMillis(), after.createdAtMillis(), after.messageId()));
        }
        sql.append(" ORDER BY score DESC, created_at DESC, id DESC LIMIT ?");
        params.add(query.limit());
        return jdbc.list(sql.toString(), SqlMessageSearch::found, params.toArray());
    }

    private static String sqlite(Query query, List<Object> params) {
        // every term a quoted prefix ("term"*), all of them required; quotes inside a term are doubled
        params.add(query.userId());
        params.add(query.terms().stream().map(t -> "\"" + t.replace("\"", "\"\"") + "\"*").collect(Collectors.joining(" ")));
        return "SELECT m.id, m.conversation_id, m.seq, m.sender_id, m.created_at, m.text, -bm25(messages_fts) AS score"
                + " FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid"
                + " JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = ?"
                + " WHERE messages_fts MATCH ? AND m.deleted_at IS NULL" + inConversation(query, params);
    }

    private static String postgres(Query query, List<Object> params) {
        // each term a quoted lexeme with :* (prefix), joined with & (all required); quote_literal does the quoting
        String tsquery = query.terms().stream().map(t -> "to_tsquery('simple', quote_literal(?::text) || ':*')").collect(Collectors.joining(" && "));
        params.addAll(query.terms());
        params.add(query.userId());
        return "SELECT m.id, m.conversation_id, m.seq, m.sender_id, m.created_at, m.text,"
                + " ts_rank(to_tsvector('simple'::regconfig, m.text), q.query)::float8 AS score"
                + " FROM (SELECT " + tsquery + " AS query) q"
                + " JOIN messages m ON to_tsvector('simple'::regconfig, m.text) @@ q.query AND m.deleted_at IS NULL"
                + " JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = ?"
                + " WHERE true" + inConversation(query, params);
    }

    private static String inConversation(Query query, List<Object> params) {
        if (query.conversationId() == null) {
            return "";
        }
        params.add(query.conversationId());
        return " AND m.conversation_id = ?";
    }

    private static Found found(ResultSet rs) throws SQLException {
        return new Found(rs.getString("conversation_id"), rs.getString("id"), rs.getLong("seq"), rs.getString("sender_id"),
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("text"), rs.getDouble("score"));
    }
}
