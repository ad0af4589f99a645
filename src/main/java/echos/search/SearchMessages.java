package echos.search;

import echos.common.error.ApiException;
import echos.conversation.ConversationAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Searches the history of the caller's conversations: checks and limits the input, pages, cuts snippets. */
@ApplicationScoped
public class SearchMessages {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;
    static final int MAX_TERMS = 16;
    static final int SNIPPET_CHARS = 160;

    public record Hit(String conversationId, String messageId, long seq, String senderId, Instant createdAt, String snippet,
            List<Snippet.Highlight> highlights) {
    }

    public record Page(List<Hit> hits, String nextCursor) {
    }

    private final MessageSearch search;
    private final ConversationAccess access;
    private final SearchBudget budget;
    private final int maxChars;
    private final int maxBytes;

    public SearchMessages(MessageSearch search, ConversationAccess access, SearchBudget budget,
            @ConfigProperty(name = "search.query-max-chars", defaultValue = "200") int maxChars,
            @ConfigProperty(name = "search.query-max-bytes", defaultValue = "800") int maxBytes) {
        if (maxChars < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("SEARCH_QUERY_MAX_CHARS and SEARCH_QUERY_MAX_BYTES must be at least 1");
        }
        this.search = search;
        this.access = access;
        this.budget = budget;
        this.maxChars = maxChars;
        this.maxBytes = maxBytes;
    }

    /**
     * @param conversationId null for every conversation of the user; otherwise one the user must be a member of (404)
     * @param limit null for {@link #DEFAULT_LIMIT}
     */
    public Page search(String userId, String q, String conversationId, Integer limit, String cursor) {
        if (q == null || q.isBlank()) {
            throw new ApiException(400, "search_query_required", "Type something to search for.");
        }
        if (q.codePointCount(0, q.length()) > maxChars || q.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new ApiException(400, "search_query_too_long", "Search for at most " + maxChars + " characters.");
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.validation(Map.of("limit", "limit must be between 1 and " + MAX_LIMIT + "."));
        }
        SearchCursor after = SearchCursor.decode(cursor);
        budget.take(userId);
        if (conversationId != null) {
            access.requireMember(conversationId, userId);
        }
        List<String> terms = SearchTerms.of(q, MAX_TERMS);
        if (terms.isEmpty()) {
            return new Page(List.of(), null);
        }
        List<MessageSearch.Found> found = search.search(new MessageSearch.Query(userId, conversationId, terms, after, size + 1));
        List<MessageSearch.Found> shown = found.size() > size ? found.subList(0, size) : found;
        List<Hit> hits = shown.stream().map(f -> {
            Snippet snippet = Snippet.of(f.text(), terms, SNIPPET_CHARS);
            return new Hit(f.conversationId(), f.messageId(), f.seq(), f.senderId(), f.createdAt(), snippet.text(), snippet.highlights());
        }).toList();
        return new Page(hits, found.size() > size ? shown.get(shown.size() - 1).cursor().encode() : null);
    }
}
