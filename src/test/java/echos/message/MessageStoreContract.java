package echos.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echos.conversation.ConversationStore;
import echos.storage.TestUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import echos.storage.Stores;
import echos.storage.StoreContract;
import org.junit.jupiter.api.Test;

/** What every {@link MessageStore} backend must do, above all gap-free seq under concurrent senders. */
public abstract class MessageStoreContract extends StoreContract {

    private static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);

    private ConversationStore conversations;
    private MessageStore messages;
    private TestUsers users;

    @Override
    protected void createStores(Stores stores) {
        conversations = stores.conversations();
        messages = stores.messages();
        users = new TestUsers(stores);
    }

    private record Chat(String id, String a, String b) {
    }

    private Chat newChat() {
        String a = users.create();
        String b = users.create();
        return new Chat(conversations.findOrCreateDirect(UUID.randomUUID().toString(), a, b, T0).conversation().id(), a, b);
    }

    private MessageStore.Appended send(Chat chat, String sender, String clientId, String text) {
        return messages.append(new NewMessage(UUID.randomUUID().toString(), chat.id(), sender, clientId, text, T0));
    }

    @Test
    void numbersMessagesOneTwoThreeAndStoresTextExactly() {
        Chat chat = newChat();
        Message first = send(chat, chat.a(), "c1", "  hello <img src=x onerror=alert(1)>\n").message();
        Message second = send(chat, chat.b(), "c1", "second").message();
        assertEquals(1, first.seq());
        assertEquals(2, second.seq());
        assertEquals("  hello <img src=x onerror=alert(1)>\n", messages.last(chat.id()).map(m -> m.seq() == 2 ? first : m).orElseThrow().text());
        assertEquals(2, conversations.find(chat.id()).orElseThrow().lastSeq());
    }

    @Test
    void storesAClientIdOnceAndReturnsTheOriginalOnResend() {
        Chat chat = newChat();
        MessageStore.Appended first = send(chat, chat.a(), "same", "once");
        MessageStore.Appended again = send(chat, chat.a(), "same", "twice?");
        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(first.message(), again.message());
        assertEquals(1, messages.after(chat.id(), 0, 10).size());
    }

    @Test
    void concurrentSendersGetGapFreeSeq() throws Exception {
        Chat chat = newChat();
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                String sender = t % 2 == 0 ? chat.a() : chat.b();
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        send(chat, sender, "t" + thread + "-" + i, "m");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> seqs = messages.after(chat.id(), 0, 1000).stream().map(Message::seq).toList();
        assertEquals(LongStream.rangeClosed(1, threads * each).boxed().toList(), seqs);
    }

    @Test
    void fiftyParallelSendsWithEveryClientIdTwiceStoreEachOnceGapFree() throws Exception {
        Chat chat = newChat();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MessageStore.Appended>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                String clientId = "c" + (i % 25);
                String sender = i % 25 < 12 ? chat.a() : chat.b();
                results.add(pool.submit(() -> {
                    start.await();
                    return send(chat, sender, clientId, "text of " + clientId);
                }));
            }
            start.countDown();
            java.util.Map<String, String> idByClientId = new java.util.HashMap<>();
            int created = 0;
            for (Future<MessageStore.Appended> r : results) {
                MessageStore.Appended appended = r.get();
                created += appended.created() ? 1 : 0;
                String first = idByClientId.putIfAbsent(appended.message().clientId(), appended.message().id());
                assertTrue(first == null || first.equals(appended.message().id()), "both sends of a clientId get the same message");
            }
            assertEquals(25, created);
        } finally {
            pool.shutdownNow();
        }
        List<Message> stored = messages.after(chat.id(), 0, 1000);
        assertEquals(LongStream.rangeClosed(1, 25).boxed().toList(), stored.stream().map(Message::seq).toList());
        assertEquals(25, stored.stream().map(Message::clientId).distinct().count());
        assertEquals(25, conversations.find(chat.id()).orElseThrow().lastSeq());
    }

    @Test
    void concurrentResendsOfOneClientIdStoreOneMessage() throws Exception {
        Chat chat = newChat();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MessageStore.Appended>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return send(chat, chat.a(), "dup", "x");
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<MessageStore.Appended> r : results) {
                created += r.get().created() ? 1 : 0;
            }
            assertEquals(1, created);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(1L), messages.after(chat.id(), 0, 10).stream().map(Message::seq).toList());
        assertEquals(2, send(chat, chat.a(), "next", "y").message().seq());
    }

    @Test
    void pagesBackwardsAndForwards() {
        Chat chat = newChat();
        for (int i = 1; i <= 7; i++) {
            send(chat, chat.a(), "c" + i, "m" + i);
        }
        assertEquals(List.of(7L, 6L, 5L), messages.before(chat.id(), Long.MAX_VALUE, 3).stream().map(Message::seq).toList());
        assertEquals(List.of(4L, 3L), messages.before(chat.id(), 5, 2).stream().map(Message::seq).toList());
        assertEquals(List.of(6L, 7L), messages.after(chat.id(), 5, 10).stream().map(Message::seq).toList());
        assertEquals(7, messages.last(chat.id()).orElseThrow().seq());
        assertTrue(messages.last(newChat().id()).isEmpty());
    }

    @Test
    void editsAndDeletesAreNumberedChangesAndTombstonesKeepTheirSeq() {
        Chat chat = newChat();
        Message one = send(chat, chat.a(), "1", "first").message();
        Message two = send(chat, chat.a(), "2", "second").message();
        Instant later = T0.plusSeconds(60);
        Message edited = messages.edit(chat.id(), one.id(), "first, edited", later).orElseThrow();
        assertEquals("first, edited", edited.text());
        assertEquals(later, edited.editedAt());
        assertEquals(1, edited.changeSeq());
        MessageStore.Deleted deleted = messages.delete(chat.id(), two.id(), later).orElseThrow();
        assertEquals(2, deleted.tombstone().seq());
        assertTrue(deleted.tombstone().deleted());
        assertEquals(null, deleted.tombstone().text());
        assertEquals(2, deleted.tombstone().changeSeq());
        assertTrue(messages.delete(chat.id(), two.id(), later).isEmpty(), "deleting twice changes nothing");
        assertTrue(messages.edit(chat.id(), two.id(), "zombie", later).isEmpty(), "a tombstone cannot be edited");
        assertEquals(List.of(1L, 2L), messages.changesAfter(chat.id(), 0, 10).stream().map(MessageStore.Change::changeSeq).toList());
        assertEquals(List.of(two.id()), messages.changesAfter(chat.id(), 1, 10).stream().map(c -> c.message().id()).toList());
        assertEquals(List.of(1L, 2L), messages.after(chat.id(), 0, 10).stream().map(Message::seq).toList());
        assertEquals(2, conversations.lastChangeOf(chat.id()));
    }

    @Test
    void aReplyCarriesItsQuotedMessageAsItIsNowOnEveryRead() {
        Chat chat = newChat();
        String longText = "x".repeat(Message.Quote.SNIPPET_MAX) + "tail";
        Message original = send(chat, chat.a(), "1", longText).message();
        Message plain = send(chat, chat.b(), "2", "not a reply").message();
        Message reply = messages.append(new NewMessage(UUID.randomUUID().toString(), chat.id(), chat.b(), "3", "answer", T0, null,
                original.id())).message();
        assertEquals(null, plain.replyTo());
        Message.Quote quote = reply.replyTo();
        assertEquals(original.id(), quote.id());
        assertEquals(1, quote.seq());
        assertEquals(chat.a(), quote.senderId());
        assertEquals("x".repeat(Message.Quote.SNIPPET_MAX), quote.text(), "the quote is the start of the text");
        assertFalse(quote.deleted());
        assertEquals(quote, messages.find(chat.id(), reply.id()).orElseThrow().replyTo());
        assertEquals(quote, messages.last(chat.id()).orElseThrow().replyTo());
        assertEquals(quote, messages.lastOf(List.of(chat.id())).get(chat.id()).replyTo());
        assertEquals(quote, messages.before(chat.id(), 10, 10).get(0).replyTo());

        messages.edit(chat.id(), original.id(), "edited original", T0.plusSeconds(1)).orElseThrow();
        assertEquals("edited original", messages.after(chat.id(), 2, 10).get(0).replyTo().text(), "an edit shows in the quote");
        messages.delete(chat.id(), original.id(), T0.plusSeconds(2)).orElseThrow();
        Message.Quote gone = messages.find(chat.id(), reply.id()).orElseThrow().replyTo();
        assertTrue(gone.deleted(), "a deleted original shows as deleted");
        assertEquals(null, gone.text());
        assertEquals(original.id(), gone.id());
        messages.edit(chat.id(), reply.id(), "answer, edited", T0.plusSeconds(3)).orElseThrow();
        Message replayed = messages.changesAfter(chat.id(), 2, 10).get(0).message();
        assertEquals(reply.id(), replayed.id());
        assertTrue(replayed.replyTo().deleted(), "changes replay the reply with its quote");
    }

    @Test
    void concurrentEditsGetGapFreeChangeNumbers() throws Exception {
        Chat chat = newChat();
        List<Message> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sent.add(send(chat, chat.a(), "e" + i, "m").message());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Message m : sent) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        messages.edit(chat.id(), m.id(), "v" + i, T0);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(LongStream.rangeClosed(1, 20).boxed().toList(),
                messages.changesAfter(chat.id(), 0, 100).stream().map(MessageStore.Change::changeSeq).toList());
    }

    @Test
    void countsUnreadMessagesFromOthersOnly() {
        Chat chat = newChat();
        send(chat, chat.a(), "1", "from a");
        send(chat, chat.b(), "2", "from b");
        send(chat, chat.a(), "3", "from a");
        assertEquals(2, messages.countUnread(chat.id(), chat.b(), 0));
        assertEquals(1, messages.countUnread(chat.id(), chat.b(), 1));
        assertEquals(1, messages.countUnread(chat.id(), chat.a(), 0));
    }

    /** Conversations that differ in what last and countUnread see: none, plain, edited, last deleted, all deleted. */
    private List<Chat> variedChats() {
        Chat empty = newChat();
        Chat plain = newChat();
        send(plain, plain.a(), "1", "from a");
        send(plain, plain.b(), "2", "from b");
        send(plain, plain.a(), "3", "from a again");
        Chat edited = newChat();
        Message first = send(edited, edited.b(), "1", "first").message();
        send(edited, edited.b(), "2", "second");
        messages.edit(edited.id(), first.id(), "first, edited", T0.plusSeconds(1));
        Chat lastDeleted = newChat();
        send(lastDeleted, lastDeleted.a(), "1", "stays");
        Message gone = send(lastDeleted, lastDeleted.b(), "2", "goes").message();
        messages.delete(lastDeleted.id(), gone.id(), T0.plusSeconds(1));
        Chat allDeleted = newChat();
        Message only = send(allDeleted, allDeleted.b(), "1", "only").message();
        messages.delete(allDeleted.id(), only.id(), T0.plusSeconds(1));
        return List.of(empty, plain, edited, lastDeleted, allDeleted);
    }

    @Test
    void lastOfManyConversationsIsLastOfEach() {
        List<Chat> chats = variedChats();
        List<String> ids = new java.util.ArrayList<>(chats.stream().map(Chat::id).toList());
        ids.add(UUID.randomUUID().toString());
        Map<String, Message> last = messages.lastOf(ids);
        Map<String, Message> expected = new HashMap<>();
        for (String id : ids) {
            messages.last(id).ifPresent(m -> expected.put(id, m));
        }
        assertEquals(expected, last);
        assertEquals(4, last.size(), "no entry for the empty conversation nor the unknown one");
        assertTrue(last.get(chats.get(3).id()).deleted(), "a deleted last message is still the last, as a tombstone");
        assertTrue(last.get(chats.get(4).id()).deleted());
        assertEquals("second", last.get(chats.get(2).id()).text());
        assertEquals(Map.of(), messages.lastOf(List.of()));
    }

    @Test
    void unreadOfOneUserAcrossTheirConversationsIsCountUnreadOfEach() {
        String viewer = users.create();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String other = users.create();
            Chat chat = new Chat(conversations.findOrCreateDirect(UUID.randomUUID().toString(), viewer, other, T0).conversation().id(),
                    viewer, other);
            ids.add(chat.id());
            for (int k = 0; k < i; k++) {
                send(chat, other, "o" + k, "from other");
                send(chat, viewer, "v" + k, "from viewer");
            }
        }
        messages.delete(ids.get(2), messages.after(ids.get(2), 0, 10).get(2).id(), T0.plusSeconds(1));
        // no messages; nothing read; read 2 of 4, the unread one from the other deleted; everything read
        Map<String, Long> after = new LinkedHashMap<>(Map.of(ids.get(0), 0L, ids.get(1), 0L, ids.get(2), 2L, ids.get(3), 6L));
        Map<String, Integer> expected = new HashMap<>();
        after.forEach((id, seq) -> expected.put(id, messages.countUnread(id, viewer, seq)));
        Map<String, Integer> unread = messages.countUnread(viewer, after);
        assertEquals(expected, unread);
        assertEquals(Map.of(ids.get(0), 0, ids.get(1), 1, ids.get(2), 1, ids.get(3), 0), unread);
        assertEquals(Map.of(), messages.countUnread(viewer, Map.of()));
    }

    @Test
    void unreadOfManyUsersInOneConversationIsCountUnreadOfEach() {
        String owner = users.create();
        String second = users.create();
        String third = users.create();
        String silent = users.create();
        String id = conversations.createGroup(UUID.randomUUID().toString(), "g", owner, List.of(second, third, silent), T0).id();
        Chat group = new Chat(id, owner, second);
        send(group, owner, "1", "one");
        send(group, second, "2", "two");
        Message gone = send(group, third, "3", "three").message();
        send(group, owner, "4", "four");
        send(group, second, "5", "five");
        messages.delete(id, gone.id(), T0.plusSeconds(1));
        Map<String, Long> after = Map.of(owner, 0L, second, 2L, third, 5L, silent, 3L);
        Map<String, Integer> expected = new HashMap<>();
        after.forEach((user, seq) -> expected.put(user, messages.countUnread(id, user, seq)));
        assertEquals(expected, messages.countUnreadByUser(id, after));
        assertEquals(0, messages.countUnreadByUser(id, after).get(third), "read to the end");
        assertEquals(Map.of(owner, 0), messages.countUnreadByUser(newChat().id(), Map.of(owner, 0L)), "no messages");
        assertEquals(Map.of(), messages.countUnreadByUser(id, Map.of()));
    }

    // --- reactions -----------------------------------------------------------------------------------------------

    private static final MessageStore.ReactionLimits ROOMY = new MessageStore.ReactionLimits(20, 10);

    /** Statements the backend ran so far, or -1 where it does not count them (the per-database subclasses do). */
    protected long statementsRun() {
        return -1;
    }

    private MessageStore.Reacted react(Chat chat, String messageId, String user, String emoji, boolean add, long atSecond) {
        return messages.react(chat.id(), messageId, user, emoji, add, ROOMY, T0.plusSeconds(atSecond));
    }

    private static List<String> summary(Message m) {
        return m.reactions().stream().map(r -> r.emoji() + "=" + r.count() + ":" + String.join(",", r.userIds())).toList();
    }

    @Test
    void reactionsCountWhoReactedInOrderOfFirstUseAndRepeatsChangeNothing() {
        Chat chat = newChat();
        Message m = send(chat, chat.a(), "1", "react to me").message();
        MessageStore.Reacted first = react(chat, m.id(), chat.b(), "\u2764\uFE0F", true, 1);
        assertEquals(MessageStore.ReactionOutcome.CHANGED, first.outcome());
        assertEquals(1, first.message().changeSeq());
        react(chat, m.id(), chat.a(), "\uD83D\uDC4D", true, 2);
        MessageStore.Reacted third = react(chat, m.id(), chat.a(), "\u2764\uFE0F", true, 3);
        List<String> expected = List.of("\u2764\uFE0F=2:" + chat.b() + "," + chat.a(), "\uD83D\uDC4D=1:" + chat.a());
        assertEquals(expected, summary(third.message()));
        assertEquals(3, third.message().changeSeq());

        MessageStore.Reacted again = react(chat, m.id(), chat.a(), "\u2764\uFE0F", true, 4);
        assertEquals(MessageStore.ReactionOutcome.UNCHANGED, again.outcome());
        assertEquals(expected, summary(again.message()));
        assertEquals(3, again.message().changeSeq(), "a repeated add takes no change number");
        MessageStore.Reacted notMine = react(chat, m.id(), chat.b(), "\uD83D\uDC4D", false, 5);
        assertEquals(MessageStore.ReactionOutcome.UNCHANGED, notMine.outcome(), "removing what one did not add changes nothing");
        assertEquals(3, conversations.lastChangeOf(chat.id()));

        MessageStore.Reacted removed = react(chat, m.id(), chat.a(), "\uD83D\uDC4D", false, 6);
        assertEquals(MessageStore.ReactionOutcome.CHANGED, removed.outcome());
        assertEquals(List.of("\u2764\uFE0F=2:" + chat.b() + "," + chat.a()), summary(removed.message()), "the last of an emoji takes it away");
        assertEquals(MessageStore.ReactionOutcome.UNCHANGED, react(chat, m.id(), chat.a(), "\uD83D\uDC4D", false, 7).outcome());
        assertEquals(List.of(1L, 2L, 3L, 4L), messages.changesAfter(chat.id(), 0, 10).stream().map(MessageStore.Change::changeSeq).toList());
        assertEquals(4, conversations.lastChangeOf(chat.id()));
    }

    @Test
    void everyReadCarriesTheReactions() {
        Chat chat = newChat();
        Message older = send(chat, chat.a(), "1", "older").message();
        Message m = send(chat, chat.a(), "2", "newest").message();
        react(chat, m.id(), chat.b(), "\uD83C\uDF89", true, 1);
        react(chat, older.id(), chat.a(), "\uD83D\uDE02", true, 2);
        List<String> onNewest = List.of("\uD83C\uDF89=1:" + chat.b());
        assertEquals(onNewest, summary(messages.find(chat.id(), m.id()).orElseThrow()));
        assertEquals(onNewest, summary(messages.last(chat.id()).orElseThrow()));
        assertEquals(onNewest, summary(messages.lastOf(List.of(chat.id())).get(chat.id())));
        assertEquals(onNewest, summary(messages.before(chat.id(), 10, 10).get(0)));
        assertEquals(List.of("\uD83D\uDE02=1:" + chat.a()), summary(messages.after(chat.id(), 0, 10).get(0)));
        assertEquals(onNewest, summary(messages.changesAfter(chat.id(), 0, 10).get(0).message()), "changes replay the reactions");
        assertEquals(onNewest, summary(send(chat, chat.a(), "2", "resent").message()), "a resend answers the stored message as it is");
        assertEquals(onNewest, summary(messages.edit(chat.id(), m.id(), "edited", T0.plusSeconds(3)).orElseThrow()), "an edit keeps them");
    }

    @Test
    void aPageOfReactedMessagesReadsTheReactionsInOneQuery() {
        Chat chat = newChat();
        for (int i = 0; i < 12; i++) {
            Message m = send(chat, chat.a(), "p" + i, "m" + i).message();
            react(chat, m.id(), chat.b(), "\uD83D\uDC4D", true, i);
            react(chat, m.id(), chat.a(), "\uD83D\uDD25", true, i);
        }
        long beforeTwo = statementsRun();
        List<Message> two = messages.after(chat.id(), 0, 2);
        long forTwo = statementsRun() - beforeTwo;
        long beforeTwelve = statementsRun();
        List<Message> twelve = messages.after(chat.id(), 0, 12);
        long forTwelve = statementsRun() - beforeTwelve;
        assertEquals(2, two.size());
        assertTrue(twelve.stream().allMatch(m -> m.reactions().size() == 2));
        if (beforeTwo >= 0) {
            assertEquals(forTwo, forTwelve, "statements for a page of 2 vs 12");
            assertTrue(forTwelve <= 2, "the page and one query for all its reactions, got " + forTwelve);
        }
    }

    @Test
    void limitsDistinctEmojiPerMessageAndEmojiPerMember() {
        Chat chat = newChat();
        Message m = send(chat, chat.a(), "1", "popular").message();
        MessageStore.ReactionLimits limits = new MessageStore.ReactionLimits(3, 2);
        assertEquals(MessageStore.ReactionOutcome.CHANGED, messages.react(chat.id(), m.id(), chat.a(), "\uD83D\uDC4D", true, limits, T0).outcome());
        assertEquals(MessageStore.ReactionOutcome.CHANGED, messages.react(chat.id(), m.id(), chat.a(), "\uD83D\uDD25", true, limits, T0).outcome());
        MessageStore.Reacted third = messages.react(chat.id(), m.id(), chat.a(), "\uD83D\uDE02", true, limits, T0);
        assertEquals(MessageStore.ReactionOutcome.TOO_MANY_FROM_USER, third.outcome());
        assertEquals(2, third.message().reactions().size());
        assertEquals(MessageStore.ReactionOutcome.CHANGED, messages.react(chat.id(), m.id(), chat.b(), "\uD83D\uDE02", true, limits, T0).outcome());
        assertEquals(MessageStore.ReactionOutcome.TOO_MANY_EMOJI,
                messages.react(chat.id(), m.id(), chat.b(), "\uD83C\uDF89", true, limits, T0).outcome());
        assertEquals(MessageStore.ReactionOutcome.CHANGED, messages.react(chat.id(), m.id(), chat.b(), "\uD83D\uDC4D", true, limits, T0).outcome(),
                "an emoji already there is no new one");
        assertEquals(4, conversations.lastChangeOf(chat.id()), "refusals take no change number");
    }

    @Test
    void deletingAMessageRemovesItsReactionsAndATombstoneTakesNone() {
        Chat chat = newChat();
        Message m = send(chat, chat.a(), "1", "soon gone").message();
        react(chat, m.id(), chat.b(), "\uD83D\uDC4D", true, 1);
        Message tombstone = messages.delete(chat.id(), m.id(), T0.plusSeconds(2)).orElseThrow().tombstone();
        assertEquals(List.of(), tombstone.reactions());
        assertEquals(MessageStore.ReactionOutcome.NO_MESSAGE, react(chat, m.id(), chat.b(), "\uD83D\uDD25", true, 3).outcome());
        assertEquals(MessageStore.ReactionOutcome.NO_MESSAGE, react(chat, m.id(), chat.b(), "\uD83D\uDC4D", false, 3).outcome());
        assertEquals(MessageStore.ReactionOutcome.NO_MESSAGE, react(chat, UUID.randomUUID().toString(), chat.b(), "\uD83D\uDC4D", true, 3).outcome());
        Message elsewhere = send(newChat(), chat.a(), "x", "other conversation").message();
        assertEquals(MessageStore.ReactionOutcome.NO_MESSAGE, react(chat, elsewhere.id(), chat.a(), "\uD83D\uDC4D", true, 3).outcome());
        assertEquals(List.of(), messages.find(chat.id(), m.id()).orElseThrow().reactions());
        assertEquals(2, conversations.lastChangeOf(chat.id()));
    }

    private static int changed(MessageStore.Reacted reacted, int expected) {
        int changed = reacted.outcome() == MessageStore.ReactionOutcome.CHANGED ? 1 : 0;
        assertEquals(expected, changed, "outcome " + reacted.outcome());
        return changed;
    }

    @Test
    void concurrentReactionsGetGapFreeChangeNumbersAndKeepTheLimit() throws Exception {
        Chat chat = newChat();
        Message m = send(chat, chat.a(), "1", "busy").message();
        MessageStore.ReactionLimits limits = new MessageStore.ReactionLimits(5, 100);
        MessageStore.ReactionLimits roomy = new MessageStore.ReactionLimits(20, 100);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                String user = t % 2 == 0 ? chat.a() : chat.b();
                String emoji = new String(Character.toChars(0x1F600 + t));
                done.add(pool.submit(() -> {
                    start.await();
                    int changed = 0;
                    for (int i = 0; i < 4; i++) {
                        // add, add again (no change), remove: the first and the last are changes
                        changed += changed(messages.react(chat.id(), m.id(), user, emoji, true, roomy, T0), 1);
                        changed += changed(messages.react(chat.id(), m.id(), user, emoji, true, roomy, T0), 0);
                        changed += changed(messages.react(chat.id(), m.id(), user, emoji, false, roomy, T0), 1);
                    }
                    return changed;
                }));
            }
            start.countDown();
            int changes = 0;
            for (Future<Integer> f : done) {
                changes += f.get();
            }
            assertEquals(threads * 4 * 2, changes);
            assertEquals(LongStream.rangeClosed(1, changes).boxed().toList(),
                    messages.changesAfter(chat.id(), 0, 1000).stream().map(MessageStore.Change::changeSeq).toList());
            assertEquals(changes, conversations.lastChangeOf(chat.id()));
            assertEquals(List.of(), messages.find(chat.id(), m.id()).orElseThrow().reactions(), "every add was removed again");
        } finally {
            pool.shutdownNow();
        }

        // at most the limit of distinct emoji, however many come in at once
        ExecutorService racers = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<MessageStore.ReactionOutcome>> outcomes = new ArrayList<>();
        try {
            for (int t = 0; t < 12; t++) {
                String emoji = new String(Character.toChars(0x1F680 + t));
                String user = t % 2 == 0 ? chat.a() : chat.b();
                outcomes.add(racers.submit(() -> {
                    go.await();
                    return messages.react(chat.id(), m.id(), user, emoji, true, limits, T0).outcome();
                }));
            }
            go.countDown();
            int stored = 0;
            for (Future<MessageStore.ReactionOutcome> f : outcomes) {
                stored += f.get() == MessageStore.ReactionOutcome.CHANGED ? 1 : 0;
            }
            assertEquals(5, stored);
            assertEquals(5, messages.find(chat.id(), m.id()).orElseThrow().reactions().size());
        } finally {
            racers.shutdownNow();
        }
    }
}
