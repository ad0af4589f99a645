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

    /** Messages after seq that others sent: what the user has not read yet. */
    int countUnread(String conversationId, String userId, long afterSeq);
}
