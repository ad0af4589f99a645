package echos.realtime;

import echos.auth.SessionsEnded;
import echos.conversation.ConversationChanged;
import echos.conversation.ConversationStore;
import echos.conversation.ConversationViews;
import echos.conversation.MemberRemoved;
import echos.message.Message;
import echos.message.MessageChanged;
import echos.message.MessageSent;
import echos.message.ReceiptMoved;
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
import java.util.Set;

/** Turns committed domain events into socket frames for the users who should see them. */
@ApplicationScoped
public class RealtimeEvents {

    private final Fanout fanout;
    private final ConversationStore conversations;
    private final ConversationViews views;
    private final Connections connections;
    private final PresenceAudience presenceAudience;
    private final UserStore users;

    public RealtimeEvents(Fanout fanout, ConversationStore conversations, ConversationViews views, Connections connections,
            PresenceAudience presenceAudience, UserStore users) {
        this.connections = connections;
        this.fanout = fanout;
        this.conversations = conversations;
        this.views = views;
        this.presenceAudience = presenceAudience;
        this.users = users;
    }

    void onMessage(@Observes MessageSent event) {
        fanout.toUsersExcept(event.memberIds(), OutboundFrame.of("message.new", Map.of("message", event.message())), event.origin());
    }

    void onChange(@Observes MessageChanged event) {
        fanout.toUsersExcept(event.memberIds(), OutboundFrame.of("message.updated",
                Map.of("message", event.message(), "changeSeq", event.message().changeSeq())), event.origin());
    }

    void onReceipt(@Observes ReceiptMoved event) {
        fanout.toUsers(event.memberIds(), OutboundFrame.of("receipt", Map.of("conversationId", event.conversationId(),
                "userId", event.userId(), "deliveredSeq", event.deliveredSeq(), "readSeq", event.readSeq())));
    }

    void onConversationChanged(@Observes ConversationChanged event) {
        conversations.find(event.conversationId()).ifPresent(c -> {
            for (String userId : event.audience()) {
                if (c.hasMember(userId)) {
                    fanout.toUsers(List.of(userId), OutboundFrame.of("conversation.updated", Map.of("conversation", views.of(c, userId))));
                }
            }
        });
    }

    void onMemberRemoved(@Observes MemberRemoved event) {
        fanout.toUsers(List.of(event.userId()), OutboundFrame.of("conversation.removed", Map.of("conversationId", event.conversationId())));
    }

    void onPresence(@Observes PresenceChanged event) {
        Set<String> watchers = presenceAudience.watchersOf(event.userId());
        fanout.toUsers(watchers, OutboundFrame.of("presence", presence(event.userId(), new PresenceShown(event.online(), event.lastSeenAt()))));
    }

    /** A first reply makes two people contacts: each is told the other's presence now, not at its next change. */
    void onFirstReply(@Observes MessageSent event) {
        Message message = event.message();
        if (event.memberIds().size() != 2 || !conversations.isFirstReply(message.conversationId(), message.senderId(), message.id())) {
            return;
        }
        for (User member : users.findByIds(event.memberIds())) {
            List<String> other = event.memberIds().stream().filter(id -> !id.equals(member.id())).toList();
            fanout.toUsers(other, OutboundFrame.of("presence", presence(member.id(), presenceAudience.shownTo(true, member))));
        }
    }

    /** Hiding sends "offline, never seen" to the contacts at once; showing again sends the live state. */
    void onShowOnlineChanged(@Observes ShowOnlineChanged event) {
        users.findById(event.userId()).ifPresent(user -> {
            PresenceShown shown = event.showOnline() ? presenceAudience.current(user) : PresenceShown.HIDDEN;
            fanout.toUsers(conversations.contactsOf(user.id()), OutboundFrame.of("presence", presence(user.id(), shown)));
        });
    }

    void onSessionsEnded(@Observes SessionsEnded event) {
        for (Peer peer : connections.matching(p -> event.covers(p.userId(), p.sessionId()))) {
            peer.close(Peer.POLICY_VIOLATION, "session ended");
        }
    }

    static Map<String, Object> presence(String userId, PresenceShown shown) {
        Map<String, Object> data = new HashMap<>();
        data.put("userId", userId);
        data.put("online", shown.online());
        data.put("lastSeenAt", shown.lastSeenAt());
        return data;
    }
}
