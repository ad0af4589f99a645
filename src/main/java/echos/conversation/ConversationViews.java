package echos.conversation;

import echos.message.Message;
import echos.message.MessageStore;
import echos.presence.PresenceAudience;
import echos.presence.PresenceShown;
import echos.user.User;
import echos.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Builds what a member sees of conversations: member names and presence, last message, unread count. Presence and
 * last-seen time of a member are shown only to their contacts, and only while the member shows them.
 */
@ApplicationScoped
public class ConversationViews {

    private final UserStore users;
    private final MessageStore messages;
    private final ConversationStore conversationStore;
    private final PresenceAudience presence;
    private final Clock clock;

    public ConversationViews(UserStore users, MessageStore messages, ConversationStore conversations, PresenceAudience presence,
            Clock clock) {
        this.clock = clock;
        this.users = users;
        this.messages = messages;
        this.conversationStore = conversations;
        this.presence = presence;
    }

    public ConversationView of(Conversation conversation, String viewerId) {
        return list(List.of(conversation), viewerId).get(0);
    }

    /** The viewer's views of the conversations, in their order, with the same few queries however many there are. */
    public List<ConversationView> list(Collection<Conversation> conversations, String viewerId) {
        Map<String, User> people = people(conversations.stream().flatMap(c -> c.memberIds().stream()).collect(Collectors.toSet()));
        // Fellow group members are contacts by definition; only direct conversations need the store's answer.
        Set<String> contacts = conversations.stream().anyMatch(c -> c.type() == ConversationType.DIRECT)
                ? conversationStore.contactsOf(viewerId) : Set.of();
        Map<String, Message> last = messages.lastOf(conversations.stream().filter(c -> c.lastSeq() != 0).map(Conversation::id).toList());
        Map<String, Long> unreadAfter = new HashMap<>();
        for (Conversation c : conversations) {
            long readSeq = readSeq(c, viewerId);
            if (c.lastSeq() > readSeq) {
                unreadAfter.put(c.id(), readSeq);
            }
        }
        Map<String, Integer> unread = messages.countUnread(viewerId, unreadAfter);
        return conversations.stream().map(c -> view(c, viewerId, people, contacts::contains, last.get(c.id()),
                unread.getOrDefault(c.id(), 0))).toList();
    }

    /**
     * The views of one conversation for each of the viewers who are its members (others are left out), in the
     * viewers' order, with the same few queries however many members it has: for a {@code conversation.updated}
     * sent to all of them.
     */
    public Map<String, ConversationView> forMembers(Conversation c, Collection<String> viewerIds) {
        List<String> viewers = viewerIds.stream().filter(c::hasMember).distinct().toList();
        if (viewers.isEmpty()) {
            return Map.of();
        }
        Map<String, User> people = people(c.memberIds());
        // A direct conversation has two members and contact is symmetric: one answer serves both viewers.
        boolean directContacts = c.type() == ConversationType.DIRECT && c.members().size() == 2
                && conversationStore.areContacts(c.members().get(0).userId(), c.members().get(1).userId());
        Message last = c.lastSeq() == 0 ? null : messages.lastOf(List.of(c.id())).get(c.id());
        Map<String, Long> unreadAfter = new HashMap<>();
        for (String viewerId : viewers) {
            long readSeq = readSeq(c, viewerId);
            if (c.lastSeq() > readSeq) {
                unreadAfter.put(viewerId, readSeq);
            }
        }
        Map<String, Integer> unread = messages.countUnreadByUser(c.id(), unreadAfter);
        Map<String, ConversationView> views = new LinkedHashMap<>();
        for (String viewerId : viewers) {
            views.put(viewerId, view(c, viewerId, people, other -> directContacts, last, unread.getOrDefault(viewerId, 0)));
        }
        return views;
    }

    private Map<String, User> people(Collection<String> userIds) {
        return users.findByIds(userIds).stream().collect(Collectors.toMap(User::id, Function.identity()));
    }

    private static long readSeq(Conversation c, String viewerId) {
        return c.member(viewerId).map(Member::readSeq).orElse(0L);
    }

    private ConversationView view(Conversation c, String viewerId, Map<String, User> people, Predicate<String> isContact, Message last,
            int unread) {
        List<ConversationView.MemberView> members = c.members().stream().map(m -> member(m, people.get(m.userId()),
                m.userId().equals(viewerId) || c.type() == ConversationType.GROUP || isContact.test(m.userId()))).toList();
        Instant until = c.member(viewerId).map(Member::mutedUntil).orElse(null);
        String name = c.type() == ConversationType.GROUP ? c.name() : members.stream()
                .filter(m -> !m.id().equals(viewerId)).map(ConversationView.MemberView::fullName).findFirst().orElse("Direct conversation");
        return new ConversationView(c.id(), c.type().json(), name, members, c.lastSeq() == 0 ? null : last,
                c.lastSeq(), unread, readSeq(c, viewerId), c.createdAt(), c.lastActivityAt(), c.lastChange(),
                timedMute(until), Mute.FOREVER.equals(until));
    }

    /** The end of a timed mute still running; null when none runs (a past end is the same as never muted). */
    private Instant timedMute(Instant until) {
        return until == null || Mute.FOREVER.equals(until) || !until.isAfter(clock.instant()) ? null : until;
    }

    private ConversationView.MemberView member(Member m, User user, boolean contact) {
        String fullName = user == null ? "Deleted user" : user.fullName();
        PresenceShown shown = user == null ? PresenceShown.HIDDEN : presence.shownTo(contact, user);
        return new ConversationView.MemberView(m.userId(), fullName, user == null ? null : user.avatarUrl(), m.role().json(),
                m.deliveredSeq(), m.readSeq(), shown.online(), shown.lastSeenAt());
    }
}
