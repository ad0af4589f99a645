package echos.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A direct or group conversation with its members, ordered by when they joined. */
public record Conversation(String id, ConversationType type, String name, String createdBy, Instant createdAt,
        Instant lastActivityAt, long lastSeq, List<Member> members, long lastChange) {

    public Conversation(String id, ConversationType type, String name, String createdBy, Instant createdAt, Instant lastActivityAt,
            long lastSeq, List<Member> members) {
        this(id, type, name, createdBy, createdAt, lastActivityAt, lastSeq, members, 0);
    }

    public Optional<Member> member(String userId) {
        return members.stream().filter(m -> m.userId().equals(userId)).findFirst();
    }

    public boolean hasMember(String userId) {
        return member(userId).isPresent();
    }

    public List<String> memberIds() {
        return members.stream().map(Member::userId).toList();
    }
}
