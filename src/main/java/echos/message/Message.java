package echos.message;

import java.time.Instant;

/**
 * One stored message; seq numbers a conversation's messages 1, 2, 3... with no gaps. text is empty for an image
 * without caption; image is null for text only.
 */
public record Message(String id, String conversationId, long seq, String senderId, String clientId, String text,
        Instant createdAt, MessageImage image) {

    public Message(String id, String conversationId, long seq, String senderId, String clientId, String text, Instant createdAt) {
        this(id, conversationId, seq, senderId, clientId, text, createdAt, null);
    }

    /** The image a message carries. */
    public record MessageImage(String id, String url, String thumbnailUrl, int width, int height) {
    }
}
