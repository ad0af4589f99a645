package echos.conversation;

import echos.message.MessageStore;
import echos.presence.PresenceAudience;
import echos.presence.PresenceShown;
import echos.user.User;
import echos.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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

    public ConversationViews(UserStore users, MessageStore messages, ConversationStore conversations, PresenceAudience presence) {
        this.users = users;
        this.messages = messages;
        this.conversationStore = conversations;
        this.presence = presence;
    }

    public ConversationView of(Conversation conversation, String viewerId) {
        return list(List.of(conversation), viewerId).get(0);
    }

    public List<ConversationView> list(Collection<Conversation> conversations, String viewerId) {
        Map<String, User> people = users.findByIds(conversations.stream().flatMap(c -> c.memberIds().stream()).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(User::id, Function.identity()));
        // Fellow group members are contacts by definition; only direct conversations need the store's answer.
        Set<String> contacts = conversations.stream().anyMatch(c -> c.type() == ConversationType.DIRECT)
                ? conversationStore.contactsOf(viewerId) : Set.of();
        return conversations.stream().map(c -> view(c, viewerId, people, contacts)).toList();
    }

    private ConversationView view(Conversation c, String viewerId, Map<String, User> people, Set<String> contacts) {
        List<ConversationView.MemberView> members = c.members().stream().map(m -> member(m, people.get(m.userId()),
                m.userId().equals(viewerId) || c.type() == ConversationType.GROUP || contacts.contains(m.userId()))).toList();
        long readSeq = c.member(viewerId).map(Member::readSeq).orElse(0L);
        String name = c.type() == ConversationType.GROUP ? c.name() : members.stream()
                .filter(m -> !m.id().equals(viewerId)).map(ConversationView.MemberView::fullName).findFirst().orElse("Direct conversation");
        int unread = c.lastSeq() > readSeq ? messages.countUnread(c.id(), viewerId, readSeq) : 0;
        return new ConversationView(c.id(), c.type().json(), name, members,
                c.lastSeq() == 0 ? null : messages.last(c.id()).orElse(null),
                c.lastSeq(), unread, readSeq, c.createdAt(), c.lastActivityAt(), c.lastChange());
    }

    private ConversationView.MemberView member(Member m, User user, boolean contact) {
        String fullName = user == null ? "Deleted user" : user.fullName();
        PresenceShown shown = user == null ? PresenceShown.HIDDEN : presence.shownTo(contact, user);
        return new ConversationView.MemberView(m.userId(), fullName, user == null ? null : user.avatarUrl(), m.role().json(),
                m.deliveredSeq(), m.readSeq(), shown.online(), shown.lastSeenAt());
    }
}
