package echos.conversation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Storage port for conversations, their members and members' read positions. */
public interface ConversationStore {

    /** A direct conversation and whether this call created it. */
    record DirectResult(Conversation conversation, boolean created) {
    }

    /**
     * Returns the one direct conversation between two users, creating it if needed. Concurrent calls for the
     * same pair, in either order, all get the same conversation.
     */
    DirectResult findOrCreateDirect(String id, String userA, String userB, Instant now);

    /** The direct conversation between two users (in either order), without creating one. */
    Optional<Conversation> findDirect(String userA, String userB);

    Conversation createGroup(String id, String name, String ownerId, Collection<String> memberIds, Instant now);

    Optional<Conversation> find(String id);

    /** The user's conversations, most recent activity first. */
    List<Conversation> listForUser(String userId);

    void rename(String id, String name);

    /** Adds the users not yet members, with the given role. */
    void addMembers(String id, Collection<String> userIds, Role role, Instant now);

    void removeMember(String id, String userId);

    void setRole(String id, String userId, Role role);

    /** Moves the member's delivered position forward to seq (capped at the conversation's last seq); never back. */
    Optional<Member> markDelivered(String id, String userId, long seq);

    /** Moves the member's read (and so delivered) position forward to seq (capped at last seq); never back. */
    Optional<Member> markRead(String id, String userId, long seq);

    /**
     * Sets until when the member has muted the conversation ({@link Mute#FOREVER} for always, null to unmute).
     * Returns false when the user is not a member.
     */
    boolean setMutedUntil(String id, String userId, Instant until);

    /** The conversation's change counter (edits and deletes so far), 0 when unknown. */
    long lastChangeOf(String id);

    /**
     * The user's contacts, the user excluded: everyone who shares a group with the user, or a direct conversation
     * in which both have sent at least one message. Symmetric; it is the audience of presence and typing.
     */
    Set<String> contactsOf(String userId);

    /** Whether the two users are contacts in the sense of {@link #contactsOf}. */
    boolean areContacts(String userA, String userB);

    /**
     * Whether this stored message is its sender's first in a direct conversation in which the other member had
     * already written: the moment the two become contacts.
     */
    boolean isFirstReply(String conversationId, String senderId, String messageId);
}
