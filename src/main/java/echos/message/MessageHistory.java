package echos.message;

import echos.common.error.ApiException;
import echos.conversation.ConversationAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Pages through a conversation's messages, backwards for history or forwards for catch-up. */
@ApplicationScoped
public class MessageHistory {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    /** A page of messages and the cursor for the next one (null when there is none). */
    public record Page(List<Message> messages, Long nextBefore, Long nextAfter) {
    }

    private final ConversationAccess access;
    private final MessageStore messages;

    public MessageHistory(ConversationAccess access, MessageStore messages) {
        this.access = access;
        this.messages = messages;
    }

    public Page page(String userId, String conversationId, Long before, Long after, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.validation(Map.of("limit", "limit must be between 1 and " + MAX_LIMIT + "."));
        }
        if (before != null && after != null) {
            throw ApiException.validation(Map.of("after", "Use either before or after, not both."));
        }
        access.requireMember(conversationId, userId);
        if (after != null) {
            Slice<Message> page = Slice.of(messages.after(conversationId, after, size + 1), size);
            return new Page(page.rows(), null, page.cursor(Message::seq));
        }
        Slice<Message> page = Slice.of(messages.before(conversationId, before == null ? Long.MAX_VALUE : before, size + 1), size);
        return new Page(page.rows(), page.cursor(Message::seq), null);
    }

    /** Rows fetched one longer than the page, so a full fetch means there is a next page. */
    private record Slice<T>(List<T> rows, boolean more) {

        static <T> Slice<T> of(List<T> fetched, int size) {
            return fetched.size() > size ? new Slice<>(fetched.subList(0, size), true) : new Slice<>(fetched, false);
        }

        /** The position of the last row shown when there is a next page, else null. */
        Long cursor(ToLongFunction<T> position) {
            return more ? position.applyAsLong(rows.get(rows.size() - 1)) : null;
        }
    }

    /** A page of changes and the cursor for the next one (null when up to date). */
    public record ChangePage(List<MessageStore.Change> changes, Long nextAfter) {
    }

    public ChangePage changes(String userId, String conversationId, long after, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.validation(Map.of("limit", "limit must be between 1 and " + MAX_LIMIT + "."));
        }
        access.requireMember(conversationId, userId);
        Slice<MessageStore.Change> page = Slice.of(messages.changesAfter(conversationId, after, limit + 1), limit);
        return new ChangePage(page.rows(), page.cursor(MessageStore.Change::changeSeq));
    }

    /** Changes after the position, oldest first; for socket sync. */
    public List<MessageStore.Change> changesAfter(String userId, String conversationId, long change, int pageSize) {
        access.requireMember(conversationId, userId);
        return messages.changesAfter(conversationId, change, pageSize);
    }

    /** Everything after seq, oldest first, in pages of {@code pageSize}; for socket sync. */
    public List<Message> after(String userId, String conversationId, long seq, int pageSize) {
        access.requireMember(conversationId, userId);
        return messages.after(conversationId, seq, pageSize);
    }
}
