package echos.message;

import echos.common.error.FieldErrors;
import echos.common.id.IdGenerator;
import echos.common.ratelimit.SendBudget;
import echos.conversation.Membership;
import echos.conversation.MembershipCache;
import echos.media.MediaKind;
import echos.media.MediaStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Sends a message: validates it, stores it with the next seq (idempotent by clientId), and only then announces it,
 * so whoever sees it can rely on it being stored.
 */
@ApplicationScoped
public class SendMessage {

    static final int TEXT_MAX = 4000;
    static final int CLIENT_ID_MAX = 64;

    private final MembershipCache memberships;
    private final MessageStore messages;
    private final IdGenerator ids;
    private final Clock clock;
    private final Event<MessageSent> sent;
    private final MediaStore media;
    private final SendBudget budget;

    public SendMessage(MembershipCache memberships, MessageStore messages, IdGenerator ids, Clock clock, Event<MessageSent> sent,
            MediaStore media, SendBudget budget) {
        this.media = media;
        this.budget = budget;
        this.memberships = memberships;
        this.messages = messages;
        this.ids = ids;
        this.clock = clock;
        this.sent = sent;
    }

    public MessageStore.Appended send(String senderId, String conversationId, String clientId, String text, String origin) {
        return send(senderId, conversationId, clientId, text, null, origin);
    }

    /** As {@link #send(String, String, String, String, String)}, with an optional image the sender uploaded. */
    public MessageStore.Appended send(String senderId, String conversationId, String clientId, String text, String imageId,
            String origin) {
        return send(senderId, conversationId, clientId, text, imageId, null, origin);
    }

    /**
     * As {@link #send(String, String, String, String, String, String)}, optionally as a reply to a message of the same
     * conversation that is not deleted (replyToId null: not a reply).
     */
    public MessageStore.Appended send(String senderId, String conversationId, String clientId, String text, String imageId,
            String replyToId, String origin) {
        budget.take(senderId);
        boolean hasImage = imageId != null && !imageId.isBlank();
        new FieldErrors()
                .addIfPresent("clientId", clientIdProblem(clientId))
                .addIfPresent("text", contentProblem(text, hasImage))
                .addIfPresent("imageId", hasImage && !isOwnMessageImage(imageId, senderId) ? "No such image of yours." : null)
                .throwIfAny();
        Membership conversation = memberships.requireMember(conversationId, senderId);
        String replyTo = replyToId == null || replyToId.isEmpty() ? null : replyToId;
        if (replyTo != null && !isQuotable(conversation.conversationId(), replyTo)) {
            new FieldErrors().addIfPresent("replyTo", "No such message in this conversation.").throwIfAny();
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        MessageStore.Appended appended = messages.append(new NewMessage(ids.next(), conversation.conversationId(), senderId, clientId,
                text == null ? "" : text, now, hasImage ? imageId : null, replyTo));
        if (hasImage) {
            media.attach(imageId, now);
        }
        if (appended.created()) {
            sent.fire(new MessageSent(appended.message(), conversation.memberIds(), origin, conversation.type()));
        }
        return appended;
    }

    /**
     * Checks only what is sent (text, or an image with an optional caption), for callers that must know before they
     * create anything for the message. @throws echos.common.error.ApiException 400 validation_failed
     */
    public static void checkContent(String text, boolean hasImage) {
        new FieldErrors().addIfPresent("text", contentProblem(text, hasImage)).throwIfAny();
    }

    private static String contentProblem(String text, boolean hasImage) {
        return hasImage ? captionProblem(text) : textProblem(text);
    }

    static String textProblem(String text) {
        if (text == null || text.isBlank()) {
            return "Write something first.";
        }
        // counted as stored: surrounding whitespace counts too, so padding cannot smuggle a large value past the limit
        if (text.codePointCount(0, text.length()) > TEXT_MAX) {
            return "A message has at most " + TEXT_MAX + " characters.";
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n')) {
            return "A message must not contain control characters other than tab and newline.";
        }
        return null;
    }

    static String captionProblem(String text) {
        return text == null || text.isBlank() ? null : textProblem(text);
    }

    private boolean isQuotable(String conversationId, String messageId) {
        return messageId.length() <= CLIENT_ID_MAX && messages.find(conversationId, messageId).filter(m -> !m.deleted()).isPresent();
    }

    private boolean isOwnMessageImage(String imageId, String senderId) {
        return media.find(imageId).filter(m -> m.ownerId().equals(senderId) && m.kind() == MediaKind.MESSAGE).isPresent();
    }

    static String clientIdProblem(String clientId) {
        if (clientId == null || clientId.isEmpty() || clientId.length() > CLIENT_ID_MAX
                || clientId.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return "clientId must be 1 to " + CLIENT_ID_MAX + " visible ASCII characters.";
        }
        return null;
    }
}
