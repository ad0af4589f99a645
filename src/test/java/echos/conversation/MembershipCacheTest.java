package echos.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echos.common.error.ApiException;
import echos.storage.Jdbc;
import echos.storage.SqliteTestDatabase;
import echos.storage.Stores;
import echos.storage.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The send path's member lists over a real SQLite store: read once, forgotten on change, bounded by member ids. */
class MembershipCacheTest {

    private SqliteTestDatabase database;
    private Jdbc jdbc;
    private ConversationStore conversations;
    private TestUsers users;

    @BeforeEach
    void open() {
        database = SqliteTestDatabase.create();
        jdbc = database.jdbc();
        Stores stores = database.stores();
        conversations = stores.conversations();
        users = new TestUsers(stores);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aSecondSendToTheSameConversationReadsNothingFromTheDatabase() {
        MembershipCache cache = new MembershipCache(conversations, 1000, Duration.ofMinutes(5));
        String owner = users.create();
        String member = users.create();
        String group = group(owner, member);
        assertTrue(cache.requireMember(group, owner).hasMember(member));
        long before = jdbc.statementsRun();
        assertEquals(List.of(owner, member), cache.requireMember(group, member).memberIds());
        assertEquals(before, jdbc.statementsRun(), "served from the cache");
    }

    @Test
    void aRemovedMemberIsRefusedOnceTheConversationIsForgotten() {
        MembershipCache cache = new MembershipCache(conversations, 1000, Duration.ofMinutes(5));
        String owner = users.create();
        String member = users.create();
        String group = group(owner, member);
        cache.requireMember(group, member);
        conversations.removeMember(group, member);
        cache.onRemoved(new MemberRemoved(group, member));
        ApiException refused = assertThrows(ApiException.class, () -> cache.requireMember(group, member));
        assertEquals(404, refused.status());
        assertFalse(cache.requireMember(group, owner).hasMember(member));
    }

    @Test
    void someoneWhoIsNotAMemberGets404AndUnknownConversationsAreNotKept() {
        MembershipCache cache = new MembershipCache(conversations, 1000, Duration.ofMinutes(5));
        String owner = users.create();
        String group = group(owner, users.create());
        assertEquals(404, assertThrows(ApiException.class, () -> cache.requireMember(group, users.create())).status());
        String unknown = UUID.randomUUID().toString();
        assertThrows(ApiException.class, () -> cache.requireMember(unknown, owner));
        long before = jdbc.statementsRun();
        assertThrows(ApiException.class, () -> cache.requireMember(unknown, owner));
        assertTrue(jdbc.statementsRun() > before, "a missing conversation is looked up again, not cached");
    }

    @Test
    void theBoundCountsMemberIdsSoABigGroupPushesSmallOnesOut() {
        MembershipCache cache = new MembershipCache(conversations, 39, Duration.ofMinutes(5));
        String owner = users.create();
        String small = group(owner, users.create());
        cache.requireMember(small, owner);
        String[] many = new String[35];
        for (int i = 0; i < many.length; i++) {
            many[i] = users.create();
        }
        String big = group(owner, many);
        cache.requireMember(big, owner);
        cache.cleanUp();
        long before = jdbc.statementsRun();
        cache.requireMember(small, owner);
        cache.requireMember(big, owner);
        assertTrue(jdbc.statementsRun() > before, "3 + 37 weigh more than 39: one of them was read again");
    }

    private String group(String owner, String... members) {
        return conversations.createGroup(UUID.randomUUID().toString(), "g", owner, List.of(members), Instant.EPOCH).id();
    }
}
