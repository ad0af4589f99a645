package echos.conversation;

import java.time.Instant;

/** A user's membership of a conversation, with how far their clients have received and read it. */
public record Member(String userId, Role role, Instant joinedAt, long deliveredSeq, long readSeq) {
}
