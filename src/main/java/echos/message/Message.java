package echos.message;

import java.time.Instant;

/** One stored message; seq numbers a conversation's messages 1, 2, 3... with no gaps. */
public record Message(String id, String conversationId, long seq, String senderId, String clientId, String text,
        Instant createdAt) {
}
