package echos.message;

import java.time.Instant;

/** A validated message about to be stored; the store assigns its seq. */
public record NewMessage(String id, String conversationId, String senderId, String clientId, String text, Instant createdAt) {
}
