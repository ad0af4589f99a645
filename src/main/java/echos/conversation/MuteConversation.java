package echos.conversation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.util.List;

/**
 * Mutes and unmutes a conversation for one member. The mute is the member's own: only their other sockets are told,
 * through the usual {@code conversation.updated}.
 */
@ApplicationScoped
public class MuteConversation {

    private final ConversationStore conversations;
    private final ConversationAccess access;
    private final Clock clock;
    private final Event<ConversationChanged> changes;

    public MuteConversation(ConversationStore conversations, ConversationAccess access, Clock clock, Event<ConversationChanged> changes) {
        this.conversations = conversations;
        this.access = access;
        this.clock = clock;
        this.changes = changes;
    }

    public Conversation mute(String callerId, String conversationId, String duration) {
        access.requireMember(conversationId, callerId);
        Mute mute = Mute.parse(duration);
        return set(callerId, conversationId, mute.until(clock.instant()));
    }

    public Conversation unmute(String callerId, String conversationId) {
        access.requireMember(conversationId, callerId);
        return set(callerId, conversationId, null);
    }

    private Conversation set(String callerId, String conversationId, java.time.Instant until) {
        conversations.setMutedUntil(conversationId, callerId, until);
        changes.fire(new ConversationChanged(conversationId, List.of(callerId)));
        return access.requireMember(conversationId, callerId);
    }
}
