package echos.conversation;

import static echos.auth.TestAccounts.as;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import echos.storage.Jdbc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The conversation list costs the same few SQL statements however many conversations the user has, and the views
 * of a {@code conversation.updated} however many members the conversation has.
 */
@QuarkusTest
class ConversationListQueriesTest {

    @Inject
    Jdbc jdbc;

    @Inject
    ConversationViews views;

    @Inject
    ConversationStore conversations;

    @Test
    void listingThirtyConversationsRunsAsManyStatementsAsListingThree() {
        long forThree = statementsToList(userWith(3), 3);
        long forThirty = statementsToList(userWith(30), 30);
        assertEquals(forThree, forThirty, "statements for 3 conversations vs 30");
        assertTrue(forThirty <= 10, "a small fixed number of statements, got " + forThirty);
    }

    @Test
    void viewsOfTwelveMembersRunAsManyStatementsAsViewsOfThree() {
        long forThree = statementsForMembers(groupOf(3));
        long forTwelve = statementsForMembers(groupOf(12));
        assertEquals(forThree, forTwelve, "statements for 3 members vs 12");
        assertTrue(forTwelve <= 5, "a small fixed number of statements, got " + forTwelve);
    }

    /** A group in which every member has sent, and each has read a different part. */
    private static String groupOf(int members) {
        Account owner = TestAccounts.signUp();
        Account[] others = new Account[members - 1];
        for (int i = 0; i < others.length; i++) {
            others[i] = TestAccounts.signUp();
        }
        String id = TestChats.group(owner, "group of " + members, others);
        TestChats.send(owner, id, "hello");
        for (int i = 0; i < others.length; i++) {
            long seq = TestChats.send(others[i], id, "hi " + i);
            if (i % 2 == 0) {
                as(others[i]).body(Map.of("seq", seq)).post("/api/conversations/" + id + "/read").then().statusCode(204);
            }
        }
        return id;
    }

    private long statementsForMembers(String conversationId) {
        Conversation c = conversations.find(conversationId).orElseThrow();
        views.forMembers(c, c.memberIds()); // once before counting, as for the list
        long before = jdbc.statementsRun();
        assertEquals(c.members().size(), views.forMembers(c, c.memberIds()).size());
        return jdbc.statementsRun() - before;
    }

    /**
     * A user in that many conversations, each unlike the one before: direct and group, unread messages from others,
     * the user's own messages, a deleted last message, everything read, no message at all.
     */
    private static Account userWith(int conversations) {
        Account me = TestAccounts.signUp();
        for (int i = 0; i < conversations; i++) {
            Account other = TestAccounts.signUp();
            String id = i % 2 == 0 ? TestChats.direct(other, me) : TestChats.group(other, "group " + i, me);
            switch (i % 5) {
                case 0 -> {
                    TestChats.send(other, id, "unread one");
                    TestChats.send(me, id, "mine");
                    TestChats.send(other, id, "unread two");
                }
                case 1 -> {
                    TestChats.send(other, id, "read");
                    long seq = TestChats.send(me, id, "reply");
                    as(me).body(Map.of("seq", seq)).post("/api/conversations/" + id + "/read").then().statusCode(204);
                }
                case 2 -> {
                    TestChats.send(other, id, "kept");
                    String gone = as(other).body(Map.of("clientId", UUID.randomUUID().toString(), "text", "deleted"))
                            .post("/api/conversations/" + id + "/messages").then().statusCode(201).extract().path("message.id");
                    as(other).delete("/api/conversations/" + id + "/messages/" + gone).then().statusCode(204);
                }
                case 3 -> TestChats.send(me, id, "only mine");
                default -> {
                    // no message yet
                }
            }
        }
        return me;
    }

    private long statementsToList(Account me, int conversations) {
        // once before counting, so nothing left over from setting up is counted
        as(me).get("/api/conversations").then().statusCode(200).body("conversations", hasSize(conversations));
        long before = jdbc.statementsRun();
        as(me).get("/api/conversations").then().statusCode(200).body("conversations", hasSize(conversations));
        return jdbc.statementsRun() - before;
    }
}
