package echos.message;

import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    /** The message with the highest seq, a tombstone if that one was deleted. */
    Optional<Message> last(String conversationId);

    /**
     * {@link #last} of each conversation, in one query whatever their number. A conversation without messages is
     * not in the map.
     */
    Map<String, Message> lastOf(Collection<String> conversationIds);

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
     * Turns a message into a tombstone (no text, no image, no reactions, same seq) as the conversation's next change.
     * @return empty when there is no such message or it was already deleted
     */
    Optional<Deleted> delete(String conversationId, String messageId, java.time.Instant at);

    /** How many reactions a message may carry: distinct emoji on it, and emoji from one member on it. */
    record ReactionLimits(int distinctPerMessage, int perUserPerMessage) {
    }

    /** What a reaction add or remove did. */
    enum ReactionOutcome {
        /** Stored or removed, as the conversation's next change. */
        CHANGED,
        /** The member already had (add) or did not have (remove) that emoji there: nothing stored, no change number. */
        UNCHANGED,
        /** No such message in the conversation, or it is deleted. */
        NO_MESSAGE,
        /** The message already carries the most distinct emoji allowed, and this one is new there. */
        TOO_MANY_EMOJI,
        /** The member already put the most emoji allowed on this message. */
        TOO_MANY_FROM_USER
    }

    /** The outcome, and the message as it is after it (null for NO_MESSAGE). */
    record Reacted(ReactionOutcome outcome, Message message) {
    }

    /**
     * Adds (add true) or removes one member's emoji on a message that is not deleted. A change is numbered as the
     * conversation's next change, in the same transaction, so it replays through {@link #changesAfter}; adding what
     * is there or removing what is not changes nothing and takes no number. The limits hold under concurrent calls.
     */
    Reacted react(String conversationId, String messageId, String userId, String emoji, boolean add, ReactionLimits limits,
            java.time.Instant at);

    /** Every change after afterChange, oldest first, each with the message as it is now. */
    List<Change> changesAfter(String conversationId, long afterChange, int limit);

    /** Whether any message still carries the image. */
    boolean imageInUse(String imageId);

    /** Messages after seq that others sent: what the user has not read yet. */
    int countUnread(String conversationId, String userId, long afterSeq);

    /**
     * {@link #countUnread} of one user in each conversation, given the seq after which to count there, in one query
     * whatever their number. Every conversation asked about is in the map, 0 when nothing is unread.
     */
    Map<String, Integer> countUnread(String userId, Map<String, Long> afterSeqByConversation);

    /**
     * {@link #countUnread} of each user in one conversation, given the seq after which to count for that user, in
     * one query whatever their number. Every user asked about is in the map, 0 when nothing is unread.
     */
    Map<String, Integer> countUnreadByUser(String conversationId, Map<String, Long> afterSeqByUser);

    /** A count of 0 for each key: what the unread counts start from, so every conversation or user asked about is in the answer. */
    static Map<String, Integer> zeroCounts(Collection<String> keys) {
        Map<String, Integer> zeros = new java.util.HashMap<>();
        keys.forEach(k -> zeros.put(k, 0));
        return zeros;
    }
}
