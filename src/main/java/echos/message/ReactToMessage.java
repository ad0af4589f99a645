package echos.message;

import echos.common.error.ApiException;
import echos.common.ratelimit.SendBudget;
import echos.conversation.Conversation;
import echos.conversation.ConversationAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Adds and removes a member's emoji reaction on a message. A change is a message change: it is numbered, fanned out
 * as message.updated and replayed after a reconnect. Repeating an add or a remove changes nothing (safe to retry).
 */
@ApplicationScoped
public class ReactToMessage {

    static final int EMOJI_MAX_CODE_POINTS = 16;
    static final int EMOJI_MAX_BYTES = 64;

    private static final int ZWJ = 0x200D;
    private static final int KEYCAP = 0x20E3;

    private final ConversationAccess access;
    private final MessageStore messages;
    private final Clock clock;
    private final Event<MessageChanged> changes;
    private final SendBudget budget;
    private final MessageStore.ReactionLimits limits;

    public ReactToMessage(ConversationAccess access, MessageStore messages, Clock clock, Event<MessageChanged> changes, SendBudget budget,
            @ConfigProperty(name = "echos.reactions.max-distinct-per-message") int maxDistinct,
            @ConfigProperty(name = "echos.reactions.max-per-user-per-message") int maxPerUser) {
        this.access = access;
        this.messages = messages;
        this.clock = clock;
        this.changes = changes;
        this.budget = budget;
        this.limits = new MessageStore.ReactionLimits(maxDistinct, maxPerUser);
    }

    /** @return the message as it is afterwards, changed or not */
    public Message react(String userId, String conversationId, String messageId, String emoji, boolean add, String origin) {
        budget.take(userId);
        Conversation c = access.requireMember(conversationId, userId);
        String problem = emojiProblem(emoji);
        if (problem != null) {
            throw ApiException.validation(Map.of("emoji", problem));
        }
        if (messageId == null || messageId.isEmpty() || messageId.length() > 64) {
            throw ApiException.notFound();
        }
        MessageStore.Reacted reacted = messages.react(c.id(), messageId, userId, emoji, add, limits,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        switch (reacted.outcome()) {
            case NO_MESSAGE -> throw ApiException.notFound();
            case TOO_MANY_EMOJI -> throw new ApiException(409, "too_many_reactions",
                    "A message carries at most " + limits.distinctPerMessage() + " different emoji.");
            case TOO_MANY_FROM_USER -> throw new ApiException(409, "too_many_own_reactions",
                    "You can put at most " + limits.perUserPerMessage() + " emoji on one message.");
            case CHANGED -> changes.fire(new MessageChanged(reacted.message(), c.memberIds(), origin));
            case UNCHANGED -> {
                // a retry or a double click: the message as it is, nothing to fan out
            }
        }
        return reacted.message();
    }

    /**
     * Null when the text is one emoji (or a short sequence of them): symbols with the joiners, variation selectors,
     * skin tones, keycap marks and tags emoji sequences are built from, and at least one symbol. Letters, digits,
     * punctuation, spaces and control characters are refused.
     */
    static String emojiProblem(String emoji) {
        String must = "An emoji is 1 to " + EMOJI_MAX_CODE_POINTS + " emoji characters.";
        if (emoji == null || emoji.isEmpty() || emoji.length() > 2 * EMOJI_MAX_CODE_POINTS
                || emoji.codePointCount(0, emoji.length()) > EMOJI_MAX_CODE_POINTS
                || emoji.getBytes(StandardCharsets.UTF_8).length > EMOJI_MAX_BYTES) {
            return must;
        }
        boolean symbol = false;
        for (int i = 0; i < emoji.length(); ) {
            int cp = emoji.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (cp == 0xFFFC || cp == 0xFFFD) {
                return must; // replacement characters: what broken UTF-8 in the path decodes to
            }
            if (type == Character.OTHER_SYMBOL) {
                symbol = true;
            } else if (!(type == Character.MODIFIER_SYMBOL && cp >= 0x1F3FB && cp <= 0x1F3FF) // skin tones
                    && cp != ZWJ && cp != KEYCAP
                    && !(cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors
                    && !(cp >= 0xE0020 && cp <= 0xE007F)) { // tags (subdivision flags)
                return must;
            }
        }
        return symbol ? null : must;
    }
}
