package echos.conversation;

/** A user left or was removed, and no longer sees the conversation. */
public record MemberRemoved(String conversationId, String userId) {
}
