package echos.conversation.sql;

import echos.conversation.Conversation;
import echos.conversation.ConversationStore;
import echos.conversation.ConversationType;
import echos.conversation.Member;
import echos.conversation.Role;
import echos.storage.Jdbc;
import echos.storage.StorageException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link ConversationStore} over JDBC, for SQLite and PostgreSQL alike. */
public class SqlConversationStore implements ConversationStore {

    private static final String CONVERSATION_COLUMNS = "c.id, c.type, c.name, c.created_by, c.created_at, c.last_activity_at, c.last_seq, c.last_change";
    private static final String MEMBER_COLUMNS = "conversation_id, user_id, role, joined_at, delivered_seq, read_seq, muted_until";

    /** Pairs of members (mine, other) of one conversation c; the member index and the primary key serve it. */
    private static final String SHARED_CONVERSATIONS = " FROM conversation_members mine"
            + " JOIN conversation_members other ON other.conversation_id = mine.conversation_id"
            + " JOIN conversations c ON c.id = mine.conversation_id";

    /**
     * A group makes contacts; a direct conversation only once both have written in it, so opening a chat with a
     * stranger reveals nothing. The EXISTS probes use the (conversation_id, sender_id, client_id) unique index.
     */
    private static final String CONTACT = "(c.type = 'group'"
            + " OR (EXISTS (SELECT 1 FROM messages sent WHERE sent.conversation_id = c.id AND sent.sender_id = mine.user_id)"
            + " AND EXISTS (SELECT 1 FROM messages got WHERE got.conversation_id = c.id AND got.sender_id = other.user_id)))";

    private final Jdbc jdbc;

    public SqlConversationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public DirectResult findOrCreateDirect(String id, String userA, String userB, Instant now) {
        String key = directKey(userA, userB);
        Optional<Conversation> existing = findByDirectKey(key);
        if (existing.isPresent()) {
            return new DirectResult(existing.get(), false);
        }
        try {
            jdbc.inTransaction(() -> {
                jdbc.update("INSERT INTO conversations (id, type, name, direct_key, created_by, created_at, last_activity_at, last_seq)"
                        + " VALUES (?, 'direct', NULL, ?, ?, ?, ?, 0)", id, key, userA, now.toEpochMilli(), now.toEpochMilli());
                insertMember(id, userA, Role.MEMBER, now);
                insertMember(id, userB, Role.MEMBER, now);
                return null;
            });
            return new DirectResult(find(id).orElseThrow(), true);
        } catch (SQLException e) {
            if (jdbc.dialect().isUniqueViolation(e)) {
                return new DirectResult(findByDirectKey(key).orElseThrow(() -> new StorageException("direct conversation vanished", e)), false);
            }
            throw new StorageException("create direct conversation failed", e);
        }
    }

    @Override
    public Optional<Conversation> findDirect(String userA, String userB) {
        return findByDirectKey(directKey(userA, userB));
    }

    @Override
    public Conversation createGroup(String id, String name, String ownerId, Collection<String> memberIds, Instant now) {
        try {
            jdbc.inTransaction(() -> {
                jdbc.update("INSERT INTO conversations (id, type, name, direct_key, created_by, created_at, last_activity_at, last_seq)"
                        + " VALUES (?, 'group', ?, NULL, ?, ?, ?, 0)", id, name, ownerId, now.toEpochMilli(), now.toEpochMilli());
                insertMember(id, ownerId, Role.OWNER, now);
                for (String member : new LinkedHashSet<>(memberIds)) {
                    if (!member.equals(ownerId)) {
                        insertMember(id, member, Role.MEMBER, now);
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StorageException("create group failed", e);
        }
        return find(id).orElseThrow();
    }

    @Override
    public Optional<Conversation> find(String id) {
        List<Conversation> found = withMembers(jdbc.list("SELECT " + CONVERSATION_COLUMNS + " FROM conversations c WHERE c.id = ?",
                SqlConversationStore::header, id), "SELECT " + MEMBER_COLUMNS + " FROM conversation_members WHERE conversation_id = ?", id);
        return found.stream().findFirst();
    }

    @Override
    public List<Conversation> listForUser(String userId) {
        List<Header> headers = jdbc.list("SELECT " + CONVERSATION_COLUMNS + " FROM conversations c"
                + " JOIN conversation_members m ON m.conversation_id = c.id WHERE m.user_id = ?"
                + " ORDER BY c.last_activity_at DESC, c.id DESC", SqlConversationStore::header, userId);
        return withMembers(headers, "SELECT " + MEMBER_COLUMNS + " FROM conversation_members WHERE conversation_id IN"
                + " (SELECT conversation_id FROM conversation_members WHERE user_id = ?)", userId);
    }

    @Override
    public void rename(String id, String name) {
        jdbc.updateOrFail("UPDATE conversations SET name = ? WHERE id = ?", name, id);
    }

    @Override
    public void addMembers(String id, Collection<String> userIds, Role role, Instant now) {
        try {
            jdbc.inTransaction(() -> {
                Set<String> present = new HashSet<>(jdbc.list("SELECT user_id FROM conversation_members WHERE conversation_id = ?",
                        rs -> rs.getString(1), id));
                for (String userId : new LinkedHashSet<>(userIds)) {
                    if (present.add(userId)) {
                        insertMember(id, userId, role, now);
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StorageException("add members failed", e);
        }
    }

    @Override
    public void removeMember(String id, String userId) {
        jdbc.updateOrFail("DELETE FROM conversation_members WHERE conversation_id = ? AND user_id = ?", id, userId);
    }

    @Override
    public void setRole(String id, String userId, Role role) {
        jdbc.updateOrFail("UPDATE conversation_members SET role = ? WHERE conversation_id = ? AND user_id = ?", role.json(), id, userId);
    }

    @Override
    public Optional<Member> markDelivered(String id, String userId, long seq) {
        long capped = Math.min(seq, lastSeq(id));
        jdbc.updateOrFail("UPDATE conversation_members SET delivered_seq = ? WHERE conversation_id = ? AND user_id = ? AND delivered_seq < ?",
                capped, id, userId, capped);
        return member(id, userId);
    }

    @Override
    public Optional<Member> markRead(String id, String userId, long seq) {
        long capped = Math.min(seq, lastSeq(id));
        jdbc.updateOrFail("UPDATE conversation_members SET read_seq = ?,"
                + " delivered_seq = CASE WHEN delivered_seq < ? THEN ? ELSE delivered_seq END"
                + " WHERE conversation_id = ? AND user_id = ? AND read_seq < ?", capped, capped, capped, id, userId, capped);
        return member(id, userId);
    }

    @Override
    public boolean setMutedUntil(String id, String userId, Instant until) {
        return jdbc.updateOrFail("UPDATE conversation_members SET muted_until = ? WHERE conversation_id = ? AND user_id = ?",
                until == null ? null : until.toEpochMilli(), id, userId) > 0;
    }

    @Override
    public Set<String> contactsOf(String userId) {
        return new HashSet<>(jdbc.list("SELECT DISTINCT other.user_id" + SHARED_CONVERSATIONS + " WHERE mine.user_id = ?"
                + " AND other.user_id <> mine.user_id AND " + CONTACT, rs -> rs.getString(1), userId));
    }

    @Override
    public boolean areContacts(String userA, String userB) {
        return !userA.equals(userB) && jdbc.one("SELECT 1" + SHARED_CONVERSATIONS + " WHERE mine.user_id = ? AND other.user_id = ?"
                + " AND " + CONTACT + " LIMIT 1", rs -> true, userA, userB).isPresent();
    }

    @Override
    public boolean isFirstReply(String conversationId, String senderId, String messageId) {
        // Both probes stop within two rows of the (conversation_id, sender_id, client_id) index.
        return jdbc.one("SELECT 1 FROM conversations c WHERE c.id = ? AND c.type = 'direct'"
                + " AND NOT EXISTS (SELECT 1 FROM messages mine WHERE mine.conversation_id = c.id AND mine.sender_id = ? AND mine.id <> ?)"
                + " AND EXISTS (SELECT 1 FROM messages theirs WHERE theirs.conversation_id = c.id AND theirs.sender_id <> ?)",
                rs -> true, conversationId, senderId, messageId, senderId).isPresent();
    }

    @Override
    public long lastChangeOf(String id) {
        return jdbc.one("SELECT last_change FROM conversations WHERE id = ?", rs -> rs.getLong(1), id).orElse(0L);
    }

    private long lastSeq(String id) {
        return jdbc.one("SELECT last_seq FROM conversations WHERE id = ?", rs -> rs.getLong(1), id).orElse(0L);
    }

    private Optional<Member> member(String id, String userId) {
        return jdbc.one("SELECT " + MEMBER_COLUMNS + " FROM conversation_members WHERE conversation_id = ? AND user_id = ?",
                SqlConversationStore::member, id, userId);
    }

    private static String directKey(String userA, String userB) {
        return userA.compareTo(userB) < 0 ? userA + ":" + userB : userB + ":" + userA;
    }

    private Optional<Conversation> findByDirectKey(String key) {
        return jdbc.one("SELECT id FROM conversations WHERE direct_key = ?", rs -> rs.getString(1), key).flatMap(this::find);
    }

    private void insertMember(String conversationId, String userId, Role role, Instant now) throws SQLException {
        jdbc.update("INSERT INTO conversation_members (conversation_id, user_id, role, joined_at, delivered_seq, read_seq)"
                + " VALUES (?, ?, ?, ?, 0, 0)", conversationId, userId, role.json(), now.toEpochMilli());
    }

    private List<Conversation> withMembers(List<Header> headers, String memberSql, Object... params) {
        if (headers.isEmpty()) {
            return List.of();
        }
        Map<String, List<Member>> members = new LinkedHashMap<>();
        for (MemberRow row : jdbc.list(memberSql + " ORDER BY joined_at, CASE role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END, user_id", SqlConversationStore::memberRow, params)) {
            members.computeIfAbsent(row.conversationId(), k -> new ArrayList<>()).add(row.member());
        }
        return headers.stream().map(h -> new Conversation(h.id(), h.type(), h.name(), h.createdBy(), h.createdAt(),
                h.lastActivityAt(), h.lastSeq(), List.copyOf(members.getOrDefault(h.id(), List.of())), h.lastChange())).toList();
    }

    private record Header(String id, ConversationType type, String name, String createdBy, Instant createdAt,
            Instant lastActivityAt, long lastSeq, long lastChange) {
    }

    private record MemberRow(String conversationId, Member member) {
    }

    private static Header header(ResultSet rs) throws SQLException {
        return new Header(rs.getString("id"), ConversationType.valueOf(rs.getString("type").toUpperCase()), rs.getString("name"),
                rs.getString("created_by"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("last_activity_at")), rs.getLong("last_seq"), rs.getLong("last_change"));
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(rs.getString("user_id"), Role.parse(rs.getString("role")), Instant.ofEpochMilli(rs.getLong("joined_at")),
                rs.getLong("delivered_seq"), rs.getLong("read_seq"), mutedUntil(rs));
    }

    private static Instant mutedUntil(ResultSet rs) throws SQLException {
        long until = rs.getLong("muted_until");
        return rs.wasNull() ? null : Instant.ofEpochMilli(until);
    }

    private static MemberRow memberRow(ResultSet rs) throws SQLException {
        return new MemberRow(rs.getString("conversation_id"), member(rs));
    }
}
