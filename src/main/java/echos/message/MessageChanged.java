package echos.message;

import java.util.List;

/** A message was edited or deleted (committed); every member's sockets get its new state. */
public record MessageChanged(Message message, List<String> memberIds, String origin) {
}
