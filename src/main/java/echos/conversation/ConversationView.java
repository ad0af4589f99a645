package echos.conversation;

import echos.message.Message;
import java.time.Instant;
import java.util.List;

/**
 * The JSON form of a conversation as one member sees it. {@code mutedUntil} is when the viewer's timed mute ends
 * (null when not muted or muted for ever); {@code mutedForever} is true while muted until unmuted.
 */
public record ConversationView(String id, String type, String name, List<MemberView> members, Message lastMessage,
        long lastSeq, int unreadCount, long lastReadSeq, Instant createdAt, Instant lastActivityAt, long lastChange,
        Instant mutedUntil, boolean mutedForever) {

    /** A member as shown to the other members. */
    public record MemberView(String id, String fullName, String avatarUrl, String role, long deliveredSeq, long readSeq,
            boolean online, Instant lastSeenAt) {
    }
}
