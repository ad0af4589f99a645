package echos.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns stored reactions (one per message, member and emoji) into each message's {@link Message.Reaction}s. Every
 * backend goes through here, so all order them alike: by time, and at the same millisecond by emoji, then user.
 */
public final class ReactionRows {

    /** One member's emoji on one message. */
    public record Row(String messageId, String emoji, String userId, Instant at) {
    }

    private static final Comparator<Row> ORDER = Comparator.comparing(Row::at).thenComparing(Row::emoji).thenComparing(Row::userId);

    private ReactionRows() {
    }

    /** The reactions of each message that has any; a message without reactions is not in the map. */
    public static Map<String, List<Message.Reaction>> byMessage(List<Row> rows) {
        Map<String, Map<String, List<String>>> usersByEmojiByMessage = new HashMap<>();
        rows.stream().sorted(ORDER).forEach(r -> usersByEmojiByMessage.computeIfAbsent(r.messageId(), k -> new LinkedHashMap<>())
                .computeIfAbsent(r.emoji(), k -> new ArrayList<>()).add(r.userId()));
        Map<String, List<Message.Reaction>> out = new HashMap<>();
        usersByEmojiByMessage.forEach((messageId, byEmoji) -> {
            List<Message.Reaction> reactions = new ArrayList<>();
            byEmoji.forEach((emoji, users) -> reactions.add(new Message.Reaction(emoji, users.size(), users)));
            out.put(messageId, reactions);
        });
        return out;
    }

    /** The messages, each with its reactions from the rows. */
    public static List<Message> attach(List<Message> messages, List<Row> rows) {
        if (rows.isEmpty()) {
            return messages;
        }
        Map<String, List<Message.Reaction>> byMessage = byMessage(rows);
        List<Message> out = new ArrayList<>(messages.size());
        for (Message m : messages) {
            List<Message.Reaction> reactions = byMessage.get(m.id());
            out.add(reactions == null ? m : m.withReactions(reactions));
        }
        return out;
    }
}
