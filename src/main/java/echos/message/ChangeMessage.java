package echos.message;

import echos.common.error.ApiException;
import echos.common.error.FieldErrors;
import echos.common.ratelimit.SendBudget;
import echos.conversation.Conversation;
import echos.conversation.ConversationAccess;
import echos.conversation.ConversationType;
import echos.conversation.Member;
import echos.media.MediaStore;
import echos.media.UploadMedia;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Edits and deletes messages. Only the sender edits; the sender deletes, and in groups owners and admins delete
 * anyone's. A deleted message stays as a tombstone at its seq, and the image it carried is removed from storage.
 */
@ApplicationScoped
public class ChangeMessage {

    private final ConversationAccess access;
    private final MessageStore messages;
    private final MediaStore media;
    private final UploadMedia uploads;
    private final Clock clock;
    private final Event<MessageChanged> changes;
    private final SendBudget budget;

    public ChangeMessage(ConversationAccess access, MessageStore messages, MediaStore media, UploadMedia uploads, Clock clock,
            Event<MessageChanged> changes, SendBudget budget) {
        this.budget = budget;
        this.access = access;
        this.messages = messages;
        this.media = media;
        this.uploads = uploads;
        this.clock = clock;
        this.changes = changes;
    }

    public Message edit(String userId, String conversationId, String messageId, String text, String origin) {
        budget.take(userId);
        Conversation c = access.requireMember(conversationId, userId);
        Message current = messages.find(c.id(), messageId).filter(m -> !m.deleted()).orElseThrow(ApiException::notFound);
        if (!current.senderId().equals(userId)) {
            throw forbidden("Only the sender can edit a message.");
        }
        new FieldErrors().addIfPresent("text", current.image() != null ? SendMessage.captionProblem(text) : SendMessage.textProblem(text))
                .throwIfAny();
        Message edited = messages.edit(c.id(), messageId, text == null ? "" : text, clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .orElseThrow(ApiException::notFound);
        changes.fire(new MessageChanged(edited, c.memberIds(), origin));
        return edited;
    }

    /** @return the tombstone; deleting an already deleted message (a retry) changes nothing and returns it as is */
    public Message delete(String userId, String conversationId, String messageId, String origin) {
        budget.take(userId);
        Conversation c = access.requireMember(conversationId, userId);
        Message current = messages.find(c.id(), messageId).orElseThrow(ApiException::notFound);
        if (current.deleted()) {
            return current;
        }
        boolean moderator = c.type() == ConversationType.GROUP && c.member(userId).map(Member::role).map(r -> r.canManage()).orElse(false);
        if (!current.senderId().equals(userId) && !moderator) {
            throw forbidden("Only the sender, or a group owner or admin, can delete a message.");
        }
        Optional<MessageStore.Deleted> deleted = messages.delete(c.id(), messageId, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        deleted.ifPresent(d -> {
            if (d.removedImageId() != null && !messages.imageInUse(d.removedImageId())) {
                media.find(d.removedImageId()).ifPresent(uploads::remove);
            }
            changes.fire(new MessageChanged(d.tombstone(), c.memberIds(), origin));
        });
        return deleted.map(MessageStore.Deleted::tombstone).or(() -> messages.find(c.id(), messageId)).orElseThrow(ApiException::notFound);
    }

    private static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }
}
