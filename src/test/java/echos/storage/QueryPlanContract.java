package echos.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echos.conversation.ConversationStore;
import echos.message.MessageStore;
import echos.search.MessageSearch;
import echos.search.sql.SqlMessageSearch;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The statements behind history paging, sync, the change log, the conversation list and search, captured as the SQL
 * stores run them on a database of {@value #CONVERSATIONS} conversations x {@value #PER_CONVERSATION} messages
 * (and {@value #OTHERS} of other people), are
 * EXPLAINed on the real database: each one reaches messages through an index, never by reading the whole table, so
 * its cost follows the page and not the history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class QueryPlanContract {

    static final int CONVERSATIONS = 40;
    static final int PER_CONVERSATION = 500;
    /** Conversations of other people (20 messages each), so that mine are a part of the table, as on a real server. */
    static final int OTHERS = 160;
    static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);

    private TestDatabase database;
    private Jdbc jdbc;
    private MessageStore messages;
    private ConversationStore conversations;
    private final List<String> conversationIds = new ArrayList<>();
    private String me;

    /** A fresh, migrated database of this backend. */
    protected abstract TestDatabase openDatabase();

    protected abstract Jdbc jdbc(TestDatabase database);

    /** The statement's plan, one line per node, as the database prints it. */
    protected abstract List<String> explain(Jdbc jdbc, String sql, Object[] params);

    /**
     * Why a plan line is wrong (it reads a whole table, or far more rows than one conversation holds), or null.
     * {@code maxRows}: the most rows of messages one statement may touch here.
     */
    protected abstract String problem(String planLine, int maxRows);


    @BeforeAll
    void seed() throws SQLException {
        database = openDatabase();
        jdbc = jdbc(database);
        Stores stores = database.stores();
        messages = stores.messages();
        conversations = stores.conversations();
        TestUsers users = new TestUsers(stores);
        me = users.create();
        for (int i = 0; i < CONVERSATIONS; i++) {
            String other = users.create();
            conversationIds.add(conversations.findOrCreateDirect(UUID.randomUUID().toString(), me, other, T0).conversation().id());
        }
        Map<String, Integer> sizes = new HashMap<>();
        conversationIds.forEach(id -> sizes.put(id, PER_CONVERSATION));
        for (Map.Entry<String, Integer> chat : sizes.entrySet()) {
            String id = chat.getKey();
            List<String> members = conversations.find(id).orElseThrow().memberIds();
            jdbc.update("""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                    INSERT INTO messages (id, conversation_id, seq, sender_id, client_id, text, created_at)
                    SELECT CAST(? AS TEXT) || '-' || CAST(i AS TEXT), CAST(? AS TEXT), i, CASE WHEN i % 2 = 0 THEN CAST(? AS TEXT) ELSE CAST(? AS TEXT) END, 'seed-' || CAST(i AS TEXT),
                           'message number ' || CAST(i AS TEXT) || ' about lanterns', CAST(? AS BIGINT) + i FROM n""",
                    chat.getValue(), id, id, members.get(0), members.get(1), T0.toEpochMilli());
            jdbc.update("UPDATE conversations SET last_seq = ? WHERE id = ?", chat.getValue(), id);
        }
        // other people's conversations, in two statements (no members: only their rows matter to these plans)
        jdbc.update("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                INSERT INTO conversations (id, type, direct_key, created_by, created_at, last_activity_at, last_seq)
                SELECT 'other-' || CAST(i AS TEXT), 'direct', 'other-key-' || CAST(i AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT),
                       CAST(? AS BIGINT), 20 FROM n""", OTHERS, me, T0.toEpochMilli(), T0.toEpochMilli());
        jdbc.update("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
                INSERT INTO messages (id, conversation_id, seq, sender_id, client_id, text, created_at)
                SELECT c.id || '-' || CAST(i AS TEXT), c.id, i, CAST(? AS TEXT), 'seed-' || CAST(i AS TEXT),
                       'someone else''s lanterns ' || CAST(i AS TEXT), CAST(? AS BIGINT) + i FROM conversations c, n
                WHERE c.id LIKE 'other-%'""", me, T0.toEpochMilli());
        String first = conversationIds.get(0);
        for (int seq = 10; seq <= 200; seq += 10) {
            String messageId = first + "-" + seq;
            messages.edit(first, messageId, "edited " + seq, T0.plusSeconds(seq));
        }
        jdbc.update("ANALYZE"); // the planner's statistics after the bulk load (the same word on both databases)
    }

    @AfterAll
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private String first() {
        return conversationIds.get(0);
    }

    @Test
    void historyPagesUseTheIndex() {
        assertIndexed("latest page", s -> s.before(first(), Long.MAX_VALUE, 50));
        assertIndexed("an older page", s -> s.before(first(), 250, 50));
    }

    @Test
    void syncAfterASeqUsesTheIndex() {
        assertIndexed("sync after seq", s -> s.after(first(), 400, 50));
    }

    @Test
    void theChangeLogUsesTheIndex() {
        assertIndexed("changes after", s -> s.changesAfter(first(), 5, 50));
    }

    @Test
    void theConversationListUsesTheIndexForLastMessagesAndUnreadCounts() {
        assertIndexed("last messages", s -> s.lastOf(conversationIds));
        Map<String, Long> read = new HashMap<>();
        conversationIds.forEach(id -> read.put(id, (long) PER_CONVERSATION - 5));
        assertIndexed("unread counts", s -> s.countUnread(me, read));
        assertIndexed("one unread count", s -> s.countUnread(first(), me, PER_CONVERSATION - 5));
    }

    @Test
    void aClientIdRetryAndAMessageLookupUseTheIndex() {
        assertIndexed("find", s -> s.find(first(), first() + "-123"));
        assertIndexed("last", s -> s.last(first()));
    }

    @Test
    void searchInOneConversationDoesNotReadEveryMessage() {
        MessageSearch search = new SqlMessageSearch(jdbc);
        List<String[]> plans = capture(() -> search.search(new MessageSearch.Query(me, first(), List.of("lanterns"), null, 20)));
        assertPlansAvoidFullScans("search", plans);
    }

    private void assertIndexed(String what, Consumer<MessageStore> call) {
        assertPlansAvoidFullScans(what, capture(() -> call.accept(messages)));
    }

    /** Runs the call with the tap on and EXPLAINs every SELECT it ran: {sql, plan}. */
    private List<String[]> capture(Runnable call) {
        List<Object[]> seen = new ArrayList<>();
        try (AutoCloseable tap = jdbc.tap((sql, params) -> seen.add(new Object[] {sql, params}))) {
            call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<String[]> plans = new ArrayList<>();
        for (Object[] s : seen) {
            String sql = (String) s[0];
            if (sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6)) {
                plans.add(new String[] {sql, String.join("\n", explain(jdbc, sql, (Object[]) s[1]))});
            }
        }
        return plans;
    }

    private void assertPlansAvoidFullScans(String what, List<String[]> plans) {
        assertFalse(plans.isEmpty(), what + ": the store ran no SELECT");
        for (String[] p : plans) {
            System.out.println("plan " + what + ":\n  " + p[0] + "\n  " + p[1].replace("\n", "\n  "));
            for (String line : p[1].split("\n")) {
                String problem = problem(line, PER_CONVERSATION + 100);
                assertTrue(problem == null, what + ": " + problem + ": " + line + "\nin\n" + p[1] + "\nfor " + p[0]);
            }
        }
    }
}
