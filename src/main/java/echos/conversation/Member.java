package echos.conversation;

import java.time.Instant;

/**
 * A user's membership of a conversation, with how far their clients have received and read it, and until when the
 * user has muted it (null: never muted; {@link Mute#FOREVER}: until unmuted).
 */
public record Member(String userId, Role role, Instant joinedAt, long deliveredSeq, long readSeq, Instant mutedUntil) {
}
