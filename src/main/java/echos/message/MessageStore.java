package echos.message;

import java.util.List;
import java.util.Optional;

/** Storage port for messages. */
public interface MessageStore {

    /** The stored message, and whether this call stored it (false: the clientId was already stored). */
    record Appended(Message message, boolean created) {
    }

    /**
     * Stores the message with the conversation's next seq, in one transaction that also advances the
     * conversation's last seq and activity time. Idempotent per (conversation, sender, clientId).
     */
    Appended append(NewMessage message);

    /** Up to limit messages with seq below beforeSeq, newest first. */
    List<Message> before(String conversationId, long beforeSeq, int limit);

    /** Up to limit messages with seq above afterSeq, oldest first. */
    List<Message> after(String conversationId, long afterSeq, int limit);

    Optional<Message> last(String conversationId);

    /** The message, deleted or not. */
    Optional<Message> find(String conversationId, String messageId);

    /** A message with the conversation's change counter value at which it changed. */
    record Change(long changeSeq, Message message) {
    }

    /**
     * Replaces the text of a message that is not deleted, as the conversation's next change.
     * @return the edited message, or empty when there is no such (undeleted) message
     */
    Optional<Message> edit(String conversationId, String messageId, String text, java.time.Instant at);

    /** A message turned into a tombstone, and the image it no longer carries (null if none). */
    record Deleted(Message tombstone, String removedImageId) {
    }

    /**
     * Turns a message into a tombstone (no text, no image, same seq) as the conversation's next change.
     * @return empty when there is no such message or it was already deleted
     */
    Optional<Deleted> delete(String conversationId, String messageId, java.time.Instant at);

    /** Every change after afterChange, oldest first, each with the message as it is now. */
    List<Change> changesAfter(String conversationId, long afterChange, int limit);

    /** Whether any message still carries the image. */
    boolean imageInUse(String imageId);

    /** Messages after seq that others sent: what the user has not read yet. */
    int countUnread(String conversationId, String userId, long afterSeq);
}
