package echos.search;

import java.time.Instant;
import java.util.List;

/**
 * Storage port for full-text search over messages. Every backend matches each term as a word prefix (all terms must
 * match), leaves out deleted messages, and only looks in conversations the searching user is a member of at the time
 * of the query. Results are ordered by score (higher is better), then newest first, then message id, and paged by
 * {@link SearchCursor} on exactly that order.
 */
public interface MessageSearch {

    /**
     * @param conversationId null to search every conversation of the user
     * @param terms lower-cased words of letters, digits and marks only (see {@link SearchTerms}); never empty
     * @param after null for the first page
     */
    record Query(String userId, String conversationId, List<String> terms, SearchCursor after, int limit) {
    }

    /** A matching message with its full text (the caller cuts the snippet) and its score. */
    record Found(String conversationId, String messageId, long seq, String senderId, Instant createdAt, String text, double score) {

        public SearchCursor cursor() {
            return new SearchCursor(score, createdAt.toEpochMilli(), messageId);
        }
    }

    /** Up to limit matches after the cursor, best first. */
    List<Found> search(Query query);
}
