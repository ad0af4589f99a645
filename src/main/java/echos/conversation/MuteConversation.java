package echos.conversation;

import echos.common.error.ApiException;
import echos.common.ratelimit.SendBudget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Mutes and unmutes a conversation for one member. The mute is the member's own: only their other sockets are told,
 * through the usual {@code conversation.updated}. Each change is a write, so it counts against the send budget.
 */
@ApplicationScoped
public class MuteConversation {

    private final ConversationStore conversations;
    private final ConversationAccess access;
    private final Clock clock;
    private final Event<ConversationChanged> changes;
    private final SendBudget budget;

    public MuteConversation(ConversationStore conversations, ConversationAccess access, Clock clock, Event<ConversationChanged> changes,
            SendBudget budget) {
        this.conversations = conversations;
        this.access = access;
        this.clock = clock;
        this.changes = changes;
        this.budget = budget;
    }

    public Conversation mute(String callerId, String conversationId, String duration) {
        budget.take(callerId);
        return set(callerId, conversationId, Mute.parse(duration).until(clock.instant()));
    }

    public Conversation unmute(String callerId, String conversationId) {
        budget.take(callerId);
        return set(callerId, conversationId, null);
    }

    private Conversation set(String callerId, String conversationId, Instant until) {
        // The update matches only the caller's own membership row, so it is also the membership check.
        if (!conversations.setMutedUntil(conversationId, callerId, until)) {
            throw ApiException.notFound();
        }
        changes.fire(new ConversationChanged(conversationId, List.of(callerId)));
        return access.requireMember(conversationId, callerId);
    }
}
