package echos.conversation;

import java.util.Collection;

/** A conversation was created, renamed, or its members or roles changed; these users should see the new state. */
public record ConversationChanged(String conversationId, Collection<String> audience) {
}
