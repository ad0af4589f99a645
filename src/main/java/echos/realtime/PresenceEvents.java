package echos.realtime;

import echos.conversation.ConversationStore;
import echos.message.Message;
import echos.message.MessageSent;
import echos.presence.PresenceAudience;
import echos.presence.PresenceChanged;
import echos.presence.PresenceShown;
import echos.user.ShowOnlineChanged;
import echos.user.User;
import echos.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sends presence frames, only to the contacts who may see them, when presence, consent or the setting change. */
@ApplicationScoped
public class PresenceEvents {

    private final Fanout fanout;
    private final ConversationStore conversations;
    private final PresenceAudience audience;
    private final UserStore users;

    public PresenceEvents(Fanout fanout, ConversationStore conversations, PresenceAudience audience, UserStore users) {
        this.fanout = fanout;
        this.conversations = conversations;
        this.audience = audience;
        this.users = users;
    }

    void onPresence(@Observes PresenceChanged event) {
        fanout.toUsers(audience.watchersOf(event.userId()),
                frame(event.userId(), new PresenceShown(event.online(), event.lastSeenAt())));
    }

    /** A first reply makes two people contacts: each is told the other's presence now, not at its next change. */
    void onFirstReply(@Observes MessageSent event) {
        Message message = event.message();
        if (event.memberIds().size() != 2 || !conversations.isFirstReply(message.conversationId(), message.senderId(), message.id())) {
            return;
        }
        for (User member : users.findByIds(event.memberIds())) {
            List<String> other = event.memberIds().stream().filter(id -> !id.equals(member.id())).toList();
            fanout.toUsers(other, frame(member.id(), audience.shownTo(true, member)));
        }
    }

    /** Hiding sends "offline, never seen" to the contacts at once; showing again sends the live state. */
    void onShowOnlineChanged(@Observes ShowOnlineChanged event) {
        users.findById(event.userId()).ifPresent(user -> {
            PresenceShown shown = event.showOnline() ? audience.current(user) : PresenceShown.HIDDEN;
            fanout.toUsers(conversations.contactsOf(user.id()), frame(user.id(), shown));
        });
    }

    static OutboundFrame frame(String userId, PresenceShown shown) {
        Map<String, Object> data = new HashMap<>();
        data.put("userId", userId);
        data.put("online", shown.online());
        data.put("lastSeenAt", shown.lastSeenAt());
        return OutboundFrame.of("presence", data);
    }
}
