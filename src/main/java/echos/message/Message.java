package echos.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One stored message; seq numbers a conversation's messages 1, 2, 3... with no gaps. text is empty for an image
 * without caption, and null (like image) once the message is deleted: a tombstone keeps its seq. changeSeq is
 * the conversation's change counter at the message's last edit or delete (0 if never changed). replyTo is the
 * message this one quotes, as that message is now (null when it is not a reply). reactions are the emoji members put on
 * it, the emoji first used earliest first (empty for a tombstone).
 */
public record Message(String id, String conversationId, long seq, String senderId, String clientId, String text,
        Instant createdAt, MessageImage image, Instant editedAt, Instant deletedAt, long changeSeq, Quote replyTo,
        List<Reaction> reactions) {

    public Message {
        reactions = reactions == null ? List.of() : List.copyOf(reactions);
    }

    public Message(String id, String conversationId, long seq, String senderId, String clientId, String text, Instant createdAt,
            MessageImage image, Instant editedAt, Instant deletedAt, long changeSeq, Quote replyTo) {
        this(id, conversationId, seq, senderId, clientId, text, createdAt, image, editedAt, deletedAt, changeSeq, replyTo, List.of());
    }

    public Message(String id, String conversationId, long seq, String senderId, String clientId, String text, Instant createdAt,
            MessageImage image, Instant editedAt, Instant deletedAt, long changeSeq) {
        this(id, conversationId, seq, senderId, clientId, text, createdAt, image, editedAt, deletedAt, changeSeq, null);
    }

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

    /** This message with these reactions. */
    public Message withReactions(List<Reaction> reactions) {
        return new Message(id, conversationId, seq, senderId, clientId, text, createdAt, image, editedAt, deletedAt, changeSeq, replyTo,
                reactions);
    }

    /** One emoji on a message: how many members put it there, and who, earliest first. */
    public record Reaction(String emoji, int count, List<String> userIds) {

        public Reaction {
            userIds = List.copyOf(userIds);
        }
    }

    /**
     * The quoted message of a reply: its start ({@link #SNIPPET_MAX} characters at most), whether it carries an image,
     * and whether it was deleted since (then text is null and image false).
     */
    public record Quote(String id, long seq, String senderId, String text, boolean image, boolean deleted) {

        public static final int SNIPPET_MAX = 200;

        public static Quote of(String id, long seq, String senderId, String text, boolean image, boolean deleted) {
            if (deleted) {
                return new Quote(id, seq, senderId, null, false, true);
            }
            String t = text == null ? "" : text;
            if (t.codePointCount(0, t.length()) > SNIPPET_MAX) {
                t = t.substring(0, t.offsetByCodePoints(0, SNIPPET_MAX));
            }
            return new Quote(id, seq, senderId, t, image, false);
        }
    }

    /** The image a message carries. */
    public record MessageImage(String id, String url, String thumbnailUrl, int width, int height) {
    }
}
