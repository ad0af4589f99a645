package echos.conversation;

import echos.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

/** Loads a conversation for one of its members; for anyone else it does not exist (404, never 403). */
@ApplicationScoped
public class ConversationAccess {

    private final ConversationStore conversations;

    public ConversationAccess(ConversationStore conversations) {
        this.conversations = conversations;
    }

    public Conversation requireMember(String conversationId, String userId) {
        if (conversationId == null || userId == null) {
            throw ApiException.notFound();
        }
        return conversations.find(conversationId).filter(c -> c.hasMember(userId)).orElseThrow(ApiException::notFound);
    }
}
