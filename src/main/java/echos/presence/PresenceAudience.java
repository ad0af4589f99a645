package echos.presence;

import echos.conversation.Conversation;
import echos.conversation.ConversationStore;
import echos.conversation.ConversationType;
import echos.user.User;
import echos.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Who may be told a user's presence, last-seen time and typing: the user's contacts (see
 * {@link ConversationStore#contactsOf}), and nobody while the user has "Show when I'm online" off.
 */
@ApplicationScoped
public class PresenceAudience {

    private final ConversationStore conversations;
    private final UserStore users;
    private final PresenceRegistry presence;

    public PresenceAudience(ConversationStore conversations, UserStore users, PresenceRegistry presence) {
        this.conversations = conversations;
        this.users = users;
        this.presence = presence;
    }

    /** Everyone who may see the user's presence now. */
    public Set<String> watchersOf(String userId) {
        return shows(userId) ? conversations.contactsOf(userId) : Set.of();
    }

    /** The other members of a conversation of the user who may see the user's presence (and so their typing). */
    public List<String> watchersAmong(String userId, Conversation conversation) {
        if (!shows(userId)) {
            return List.of();
        }
        boolean group = conversation.type() == ConversationType.GROUP;
        return conversation.memberIds().stream()
                .filter(id -> !id.equals(userId))
                .filter(id -> group || conversations.areContacts(userId, id))
                .toList();
    }

    /** What someone is shown of the subject: the live state for a contact while the subject shows it, else hidden. */
    public PresenceShown shownTo(boolean contact, User subject) {
        return contact && subject.showOnline() ? current(subject) : PresenceShown.HIDDEN;
    }

    /** The subject's live state, regardless of who asks. */
    public PresenceShown current(User subject) {
        boolean online = presence.isOnline(subject.id());
        return new PresenceShown(online, online ? null : presence.lastSeenAt(subject.id()).orElse(subject.lastSeenAt()));
    }

    private boolean shows(String userId) {
        return users.findById(userId).map(User::showOnline).orElse(false);
    }
}
