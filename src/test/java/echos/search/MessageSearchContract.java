package echos.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echos.conversation.ConversationStore;
import echos.conversation.Role;
import echos.message.MessageStore;
import echos.message.NewMessage;
import echos.storage.StoreContract;
import echos.storage.Stores;
import echos.storage.TestUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link MessageSearch} backend must do: match, rank, page, and only ever within the user's conversations. */
public abstract class MessageSearchContract extends StoreContract {

    private static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);

    private ConversationStore conversations;
    private MessageStore messages;
    private TestUsers users;
    private MessageSearch search;

    /** The search adapter over the database {@link #openDatabase} opened. */
    protected abstract MessageSearch createSearch();

    /** Whether the backend scores matches (false: every match scores the same and results are newest first). */
    protected boolean ranksByRelevance() {
        return true;
    }

    @Override
    protected void createStores(Stores stores) {
        conversations = stores.conversations();
        messages = stores.messages();
        users = new TestUsers(stores);
        search = createSearch();
    }

    private record Chat(String id, String a, String b) {
    }

    private Chat newChat() {
        String a = users.create();
        String b = users.create();
        return new Chat(conversations.findOrCreateDirect(UUID.randomUUID().toString(), a, b, T0).conversation().id(), a, b);
    }

    /** A word no other test uses, so tests sharing the database do not see each other's messages. */
    private static String word() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).replaceAll("[0-9]", "k");
    }

    private String send(String conversationId, String sender, String text, Instant at) {
        String id = UUID.randomUUID().toString();
        messages.append(new NewMessage(id, conversationId, sender, UUID.randomUUID().toString(), text, at));
        return id;
    }

    private List<MessageSearch.Found> find(String userId, String conversationId, String q) {
        return search.search(new MessageSearch.Query(userId, conversationId, SearchTerms.of(q, 16), null, 50));
    }

    private static List<String> ids(List<MessageSearch.Found> found) {
        return found.stream().map(MessageSearch.Found::messageId).toList();
    }

    @Test
    void ranksTheBetterMatchFirstAndEqualMatchesNewestFirst() {
        Chat chat = newChat();
        String w = word();
        String weak = send(chat.id(), chat.a(), "well " + w + " said among many other words here", T0.plusSeconds(5));
        String strong = send(chat.id(), chat.b(), w + " " + w + " " + w, T0.plusSeconds(1));
        String older = send(chat.id(), chat.a(), "tie " + w, T0.plusSeconds(2));
        String newer = send(chat.id(), chat.a(), "tie " + w, T0.plusSeconds(3));
        List<String> order = ids(find(chat.a(), null, w));
        if (ranksByRelevance()) {
            assertEquals(strong, order.get(0));
            assertEquals(4, order.size());
            assertTrue(order.indexOf(newer) < order.indexOf(older), "equal matches newest first: " + order);
        } else {
            assertEquals(List.of(weak, newer, older, strong), order);
        }
    }

    @Test
    void matchesWordPrefixesInAnyCaseButNotTheMiddleOfAWord() {
        Chat chat = newChat();
        String w = word();
        String id = send(chat.id(), chat.a(), "Simply " + w.toUpperCase() + "ish scenery!", T0);
        assertEquals(List.of(id), ids(find(chat.b(), null, w)));
        assertEquals(List.of(id), ids(find(chat.b(), null, w.substring(0, 6))));
        assertEquals(List.of(id), ids(find(chat.b(), null, "simp " + w)));
        assertEquals(List.of(), ids(find(chat.b(), null, w.substring(2))));
        assertEquals(List.of(), ids(find(chat.b(), null, w + " absentword")), "every term must match");
        MessageSearch.Found hit = find(chat.b(), null, w).get(0);
        assertEquals(chat.id(), hit.conversationId());
        assertEquals(1, hit.seq());
        assertEquals(chat.a(), hit.senderId());
        assertEquals(T0, hit.createdAt());
        assertEquals("Simply " + w.toUpperCase() + "ish scenery!", hit.text());
    }

    @Test
    void anEditReplacesTheIndexedTextAndADeleteRemovesIt() {
        Chat chat = newChat();
        String before = word();
        String after = word();
        String id = send(chat.id(), chat.a(), "old " + before, T0);
        assertEquals(List.of(id), ids(find(chat.a(), null, before)));
        messages.edit(chat.id(), id, "new " + after, T0.plusSeconds(1));
        assertEquals(List.of(), ids(find(chat.a(), null, before)));
        assertEquals(List.of(id), ids(find(chat.a(), null, after)));
        assertEquals("new " + after, find(chat.a(), null, after).get(0).text());
        messages.delete(chat.id(), id, T0.plusSeconds(2));
        assertEquals(List.of(), ids(find(chat.a(), null, after)));
        assertEquals(List.of(), ids(find(chat.a(), null, "new")).stream().filter(id::equals).toList());
    }

    @Test
    void nonMembersAndFormerMembersFindNothing() {
        String owner = users.create();
        String member = users.create();
        String stranger = users.create();
        String group = conversations.createGroup(UUID.randomUUID().toString(), "G", owner, List.of(member), T0).id();
        String w = word();
        String id = send(group, owner, "secret " + w, T0);
        assertEquals(List.of(id), ids(find(member, null, w)));
        assertEquals(List.of(id), ids(find(member, group, w)));
        assertEquals(List.of(), ids(find(stranger, null, w)));
        assertEquals(List.of(), ids(find(stranger, group, w)));
        conversations.removeMember(group, member);
        assertEquals(List.of(), ids(find(member, null, w)));
        assertEquals(List.of(), ids(find(member, group, w)));
        conversations.addMembers(group, List.of(member), Role.MEMBER, T0);
        assertEquals(List.of(id), ids(find(member, null, w)), "a member again sees the history again");
    }

    @Test
    void aConversationIdLimitsTheSearchToThatConversation() {
        Chat one = newChat();
        String other = conversations.findOrCreateDirect(UUID.randomUUID().toString(), one.a(), users.create(), T0).conversation().id();
        String w = word();
        String inOne = send(one.id(), one.a(), w, T0);
        String inOther = send(other, one.a(), w, T0.plusSeconds(1));
        assertEquals(Set.of(inOne, inOther), new HashSet<>(ids(find(one.a(), null, w))));
        assertEquals(List.of(inOne), ids(find(one.a(), one.id(), w)));
        assertEquals(List.of(inOther), ids(find(one.a(), other, w)));
    }

    @Test
    void pagesWithTheCursorWithoutDuplicatesOrGaps() {
        Chat chat = newChat();
        String w = word();
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 11; i++) {
            // some share a timestamp, some repeat the word: ties on score and on time both occur
            String text = i % 3 == 0 ? w + " " + w : "just " + w;
            sent.add(send(chat.id(), i % 2 == 0 ? chat.a() : chat.b(), text, T0.plusSeconds(i / 4)));
        }
        List<String> whole = ids(find(chat.a(), null, w));
        List<String> paged = new ArrayList<>();
        SearchCursor cursor = null;
        for (int page = 0; page < 10; page++) {
            List<MessageSearch.Found> found = search.search(new MessageSearch.Query(chat.a(), null, List.of(w), cursor, 3));
            found.forEach(f -> paged.add(f.messageId()));
            if (found.size() < 3) {
                break;
            }
            cursor = found.get(found.size() - 1).cursor();
        }
        assertEquals(11, paged.size());
        assertEquals(sent, new HashSet<>(paged));
        assertEquals(whole, paged);
    }

    @Test
    void matchesWordsInOtherScripts() {
        Chat chat = newChat();
        String w = word();
        String cyrillic = send(chat.id(), chat.a(), "привет " + w + " мир", T0);
        String accented = send(chat.id(), chat.a(), "café " + w + " crème", T0.plusSeconds(1));
        assertEquals(List.of(cyrillic), ids(find(chat.a(), null, "привет " + w)));
        assertEquals(List.of(accented), ids(find(chat.a(), null, "café " + w)));
        assertEquals(List.of(accented), ids(find(chat.a(), null, "crè " + w)));
    }

    @Test
    void hostileQueriesNeverFail() {
        Chat chat = newChat();
        send(chat.id(), chat.a(), "plain text with AND OR NOT and \"quotes\" and a-b:c (d) * e", T0);
        List<String> hostile = List.of("\"", "\"\"\"", "*", "a*", "AND", "OR", "NOT", "AND OR NOT", "-", "-a", "a:b", ":", "(", ")", "(a",
                "NEAR(a b)", "a' OR '1'='1", "\\", "%", "_", "{", "^a", "$", "'", "''", "&", "|", "!", "<->", "a:*", "📎", "日本語", "ß",
                "x".repeat(1000), "a ".repeat(500), "\u0000", "\u0301", "İ");
        for (String q : hostile) {
            List<String> terms = SearchTerms.of(q, 16);
            if (!terms.isEmpty()) {
                assertDoesNotThrow(() -> search.search(new MessageSearch.Query(chat.a(), null, terms, null, 20)), q);
            }
        }
        assertEquals(1, find(chat.a(), null, "AND OR NOT").size());
        assertEquals(1, find(chat.a(), chat.id(), "\"quotes\" a-b:c (d)").size());
    }
}
