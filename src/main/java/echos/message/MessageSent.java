package echos.message;

import echos.conversation.ConversationType;
import java.util.List;

/**
 * A message was stored (committed); these members should receive it. {@code origin} names the socket it came
 * from, if any, which is answered with an ack instead.
 */
public record MessageSent(Message message, List<String> memberIds, String origin, ConversationType conversationType) {
}
