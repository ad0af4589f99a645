package echos.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echos.message.MessageStore;
import echos.message.NewMessage;
import echos.storage.TestUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import echos.storage.Stores;
import echos.storage.StoreContract;
import org.junit.jupiter.api.Test;

/** What every {@link ConversationStore} backend must do. */
public abstract class ConversationStoreContract extends StoreContract {

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

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private String post(String conversationId, String senderId) {
        String id = newId();
        messages.append(new NewMessage(id, conversationId, senderId, newId(), "hi", T0));
        return id;
    }

    @Test
    void keepsEachMembersMuteOwnUntilUnmuted() {
        String a = users.create();
        String b = users.create();
        String id = conversations.findOrCreateDirect(newId(), a, b, T0).conversation().id();
        assertNull(conversations.find(id).orElseThrow().member(a).orElseThrow().mutedUntil(), "nobody starts muted");

        Instant hourLater = T0.plusSeconds(3600);
        assertTrue(conversations.setMutedUntil(id, a, hourLater));
        assertTrue(conversations.setMutedUntil(id, b, Mute.FOREVER));
        Conversation muted = conversations.find(id).orElseThrow();
        assertEquals(hourLater, muted.member(a).orElseThrow().mutedUntil());
        assertEquals(Mute.FOREVER, muted.member(b).orElseThrow().mutedUntil(), "always survives the round trip");
        assertEquals(Mute.FOREVER, conversations.listForUser(b).get(0).member(b).orElseThrow().mutedUntil());

        assertTrue(conversations.setMutedUntil(id, a, null));
        Conversation after = conversations.find(id).orElseThrow();
        assertNull(after.member(a).orElseThrow().mutedUntil());
        assertEquals(Mute.FOREVER, after.member(b).orElseThrow().mutedUntil(), "unmuting one member leaves the other muted");
        assertFalse(conversations.setMutedUntil(id, users.create(), Mute.FOREVER), "a stranger has no membership to mute");
    }

    @Test
    void findsTheDirectConversationOfAPairFromEitherSideWithoutCreatingOne() {
        String a = users.create();
        String b = users.create();
        assertTrue(conversations.findDirect(a, b).isEmpty());
        assertTrue(conversations.findDirect(a, b).isEmpty(), "looking does not create");
        String id = conversations.findOrCreateDirect(newId(), a, b, T0).conversation().id();
        assertEquals(id, conversations.findDirect(b, a).orElseThrow().id());
        assertEquals(Set.of(a, b), Set.copyOf(conversations.findDirect(a, b).orElseThrow().memberIds()));
        assertTrue(conversations.findDirect(a, users.create()).isEmpty());
    }

    @Test
    void createsOneDirectConversationPerPairWhicheverSideAsks() {
        String a = users.create();
        String b = users.create();
        ConversationStore.DirectResult first = conversations.findOrCreateDirect(newId(), a, b, T0);
        ConversationStore.DirectResult second = conversations.findOrCreateDirect(newId(), b, a, T0);
        assertTrue(first.created());
        assertFalse(second.created());
        assertEquals(first.conversation().id(), second.conversation().id());
        assertEquals(ConversationType.DIRECT, first.conversation().type());
        assertEquals(Set.of(a, b), Set.copyOf(first.conversation().memberIds()));
    }

    @Test
    void concurrentDirectRequestsForOnePairAllGetTheSameConversation() throws Exception {
        String a = users.create();
        String b = users.create();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ConversationStore.DirectResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                boolean flip = i % 2 == 0;
                results.add(pool.submit(() -> {
                    start.await();
                    return flip ? conversations.findOrCreateDirect(newId(), a, b, T0) : conversations.findOrCreateDirect(newId(), b, a, T0);
                }));
            }
            start.countDown();
            Set<String> ids = new java.util.HashSet<>();
            int created = 0;
            for (Future<ConversationStore.DirectResult> r : results) {
                ids.add(r.get().conversation().id());
                created += r.get().created() ? 1 : 0;
            }
            assertEquals(1, ids.size());
            assertEquals(1, created);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createsAGroupWithItsOwnerFirst() {
        String owner = users.create();
        String m1 = users.create();
        String m2 = users.create();
        Conversation group = conversations.createGroup(newId(), "Team", owner, List.of(m1, m2, owner, m1), T0);
        assertEquals("Team", group.name());
        assertEquals(Role.OWNER, group.member(owner).orElseThrow().role());
        assertEquals(Role.MEMBER, group.member(m1).orElseThrow().role());
        assertEquals(3, group.members().size());
        assertEquals(owner, group.members().get(0).userId());
        assertEquals(0, group.lastSeq());
    }

    @Test
    void listsAUsersConversationsByMostRecentActivity() {
        String me = users.create();
        Conversation older = conversations.createGroup(newId(), "older", me, List.of(users.create()), T0);
        Conversation newer = conversations.createGroup(newId(), "newer", me, List.of(users.create()), T0.plusSeconds(1));
        conversations.createGroup(newId(), "not mine", users.create(), List.of(users.create()), T0);
        assertEquals(List.of(newer.id(), older.id()), conversations.listForUser(me).stream().map(Conversation::id).toList());
        messages.append(new NewMessage(newId(), older.id(), me, newId(), "bump", T0.plusSeconds(5)));
        List<Conversation> list = conversations.listForUser(me);
        assertEquals(List.of(older.id(), newer.id()), list.stream().map(Conversation::id).toList());
        assertEquals(2, list.get(1).members().size());
    }

    @Test
    void renamesAddsRemovesAndChangesRoles() {
        String owner = users.create();
        String member = users.create();
        String newcomer = users.create();
        Conversation group = conversations.createGroup(newId(), "Before", owner, List.of(member), T0);
        conversations.rename(group.id(), "After");
        conversations.addMembers(group.id(), List.of(newcomer, member), Role.MEMBER, T0.plusSeconds(1));
        conversations.setRole(group.id(), member, Role.ADMIN);
        conversations.removeMember(group.id(), newcomer);
        Conversation after = conversations.find(group.id()).orElseThrow();
        assertEquals("After", after.name());
        assertEquals(List.of(owner, member), after.memberIds());
        assertEquals(Role.ADMIN, after.member(member).orElseThrow().role());
    }

    @Test
    void readPositionOnlyMovesForwardAndNeverPastTheLastMessage() {
        String a = users.create();
        String b = users.create();
        Conversation c = conversations.findOrCreateDirect(newId(), a, b, T0).conversation();
        for (int i = 0; i < 5; i++) {
            post(c.id(), a);
        }
        assertEquals(3, conversations.markRead(c.id(), b, 3).orElseThrow().readSeq());
        Member back = conversations.markRead(c.id(), b, 1).orElseThrow();
        assertEquals(3, back.readSeq());
        assertEquals(3, back.deliveredSeq());
        Member capped = conversations.markRead(c.id(), b, 99).orElseThrow();
        assertEquals(5, capped.readSeq());
        assertEquals(5, conversations.markDelivered(c.id(), b, 2).orElseThrow().deliveredSeq());
        assertTrue(conversations.markRead(c.id(), users.create(), 1).isEmpty());
    }

    @Test
    void deliveredPositionMovesWithoutMovingRead() {
        String a = users.create();
        String b = users.create();
        Conversation c = conversations.findOrCreateDirect(newId(), a, b, T0).conversation();
        post(c.id(), a);
        post(c.id(), a);
        Member m = conversations.markDelivered(c.id(), b, 2).orElseThrow();
        assertEquals(2, m.deliveredSeq());
        assertEquals(0, m.readSeq());
    }

    @Test
    void groupMembersAreContactsOfEachOther() {
        String me = users.create();
        String colleague = users.create();
        String other = users.create();
        String stranger = users.create();
        conversations.createGroup(newId(), "work", colleague, List.of(me, other), T0);
        conversations.createGroup(newId(), "elsewhere", stranger, List.of(colleague), T0);
        assertEquals(Set.of(colleague, other), conversations.contactsOf(me));
        assertEquals(Set.of(me, other, stranger), conversations.contactsOf(colleague));
        assertTrue(conversations.areContacts(me, other));
        assertTrue(conversations.areContacts(other, me));
        assertFalse(conversations.areContacts(me, stranger));
        assertFalse(conversations.areContacts(me, me));
        assertTrue(conversations.find("missing").isEmpty());
    }

    @Test
    void aDirectConversationMakesNoContactsUntilBothHaveWritten() {
        String target = users.create();
        String stranger = users.create();
        Conversation c = conversations.findOrCreateDirect(newId(), stranger, target, T0).conversation();
        assertEquals(Set.of(), conversations.contactsOf(target));
        assertEquals(Set.of(), conversations.contactsOf(stranger));
        post(c.id(), stranger);
        post(c.id(), stranger);
        assertEquals(Set.of(), conversations.contactsOf(target));
        assertEquals(Set.of(), conversations.contactsOf(stranger));
        assertFalse(conversations.areContacts(stranger, target));
        assertFalse(conversations.areContacts(target, stranger));
        post(c.id(), target);
        assertEquals(Set.of(stranger), conversations.contactsOf(target));
        assertEquals(Set.of(target), conversations.contactsOf(stranger));
        assertTrue(conversations.areContacts(stranger, target));
        assertTrue(conversations.areContacts(target, stranger));
    }

    @Test
    void messagesInOtherConversationsDoNotMakeADirectConversationMutual() {
        String target = users.create();
        String stranger = users.create();
        String friend = users.create();
        Conversation unanswered = conversations.findOrCreateDirect(newId(), stranger, target, T0).conversation();
        Conversation withFriend = conversations.findOrCreateDirect(newId(), target, friend, T0).conversation();
        post(unanswered.id(), stranger);
        post(withFriend.id(), target);
        post(withFriend.id(), friend);
        assertEquals(Set.of(friend), conversations.contactsOf(target));
        assertEquals(Set.of(), conversations.contactsOf(stranger));
        assertFalse(conversations.areContacts(target, stranger));
    }

    @Test
    void sharingAGroupMakesContactsEvenWithAnUnansweredDirectConversation() {
        String target = users.create();
        String stranger = users.create();
        Conversation direct = conversations.findOrCreateDirect(newId(), stranger, target, T0).conversation();
        post(direct.id(), stranger);
        conversations.createGroup(newId(), "club", users.create(), List.of(target, stranger), T0);
        assertTrue(conversations.contactsOf(target).contains(stranger));
        assertTrue(conversations.areContacts(target, stranger));
    }

    @Test
    void knowsTheFirstReplyInADirectConversation() {
        String target = users.create();
        String stranger = users.create();
        Conversation c = conversations.findOrCreateDirect(newId(), stranger, target, T0).conversation();
        String opening = post(c.id(), stranger);
        assertFalse(conversations.isFirstReply(c.id(), stranger, opening));
        String again = post(c.id(), stranger);
        assertFalse(conversations.isFirstReply(c.id(), stranger, again));
        String reply = post(c.id(), target);
        assertTrue(conversations.isFirstReply(c.id(), target, reply));
        assertFalse(conversations.isFirstReply(c.id(), target, post(c.id(), target)));
        assertFalse(conversations.isFirstReply(c.id(), stranger, post(c.id(), stranger)));
        String owner = users.create();
        String member = users.create();
        Conversation group = conversations.createGroup(newId(), "pair", owner, List.of(member), T0);
        post(group.id(), owner);
        assertFalse(conversations.isFirstReply(group.id(), member, post(group.id(), member)));
    }
}
