package echos.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One stored message; seq numbers a conversation's messages 1, 2, 3... with no gaps. text is empty for an image
 * without caption, and null (like image) once the message is deleted: a tombstone keeps its seq. changeSeq is
 * the conversation's change counter at the message's last edit or delete (0 if never changed).
 */
public record Message(String id, String conversationId, long seq, String senderId, String clientId, String text,
        Instant createdAt, MessageImage image, Instant editedAt, Instant deletedAt, long changeSeq) {

    public Message(String id, String conversationId, long seq, String senderId, String clientId, String text, Instant createdAt) {
        this(id, conversationId, seq, senderId, clientId, text, createdAt, null, null, null, 0);
    }

    public Message(String id, String conversationId, long seq, String senderId, String clientId, String text, Instant createdAt,
            MessageImage image) {
        this(id, conversationId, seq, senderId, clientId, text, createdAt, image, null, null, 0);
    }

    @JsonProperty("deleted")
    public boolean deleted() {
        return deletedAt != null;
    }

    /** The image a message carries. */
    public record MessageImage(String id, String url, String thumbnailUrl, int width, int height) {
    }
}
