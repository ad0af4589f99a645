package echos.message;

import java.time.Instant;

/**
 * A validated message about to be stored; the store assigns its seq. imageId is null for text only, replyToId null
 * unless it replies to a message of the same conversation.
 */
public record NewMessage(String id, String conversationId, String senderId, String clientId, String text, Instant createdAt,
        String imageId, String replyToId) {

    public NewMessage(String id, String conversationId, String senderId, String clientId, String text, Instant createdAt,
            String imageId) {
        this(id, conversationId, senderId, clientId, text, createdAt, imageId, null);
    }

    public NewMessage(String id, String conversationId, String senderId, String clientId, String text, Instant createdAt) {
        this(id, conversationId, senderId, clientId, text, createdAt, null);
    }
}
