package echos.realtime;

import echos.auth.SessionsEnded;
import echos.conversation.ConversationChanged;
import echos.conversation.ConversationStore;
import echos.conversation.ConversationViews;
import echos.conversation.MemberRemoved;
import echos.message.MessageChanged;
import echos.message.MessageSent;
import echos.message.ReceiptMoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;

/** Turns committed domain events into socket frames for the users who should see them (presence: {@link PresenceEvents}). */
@ApplicationScoped
public class RealtimeEvents {

    private final Fanout fanout;
    private final ConversationStore conversations;
    private final ConversationViews views;

    public RealtimeEvents(Fanout fanout, ConversationStore conversations, ConversationViews views) {
        this.fanout = fanout;
        this.conversations = conversations;
        this.views = views;
    }

    void onMessage(@Observes MessageSent event) {
        fanout.toUsersExcept(event.memberIds(), OutboundFrame.of("message.new",
                Map.of("message", event.message(), "conversationType", event.conversationType().json())), event.origin());
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
        fanout.membershipChanged(event.conversationId());
        conversations.find(event.conversationId()).ifPresent(c -> views.forMembers(c, event.audience()).forEach((userId, view) ->
                fanout.toUsers(List.of(userId), OutboundFrame.of("conversation.updated", Map.of("conversation", view)))));
    }

    void onMemberRemoved(@Observes MemberRemoved event) {
        fanout.membershipChanged(event.conversationId());
        fanout.toUsers(List.of(event.userId()), OutboundFrame.of("conversation.removed", Map.of("conversationId", event.conversationId())));
    }

    void onSessionsEnded(@Observes SessionsEnded event) {
        fanout.endSessions(event);
    }
}
