package echos.search;

import echos.common.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The position of the last hit of a page in the result order (score, then created at, then message id, all
 * descending). Opaque to clients: base64url of the three values; anything that does not decode is 400 invalid_cursor.
 */
public record SearchCursor(double score, long createdAtMillis, String messageId) {

    private static final int MAX_LENGTH = 400;

    public String encode() {
        String plain = Double.toString(score) + '|' + createdAtMillis + '|' + messageId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @return null for a null or empty cursor */
    public static SearchCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 3);
            if (parts.length != 3 || parts[2].isEmpty()) {
                throw invalid();
            }
            double score = Double.parseDouble(parts[0]);
            if (!Double.isFinite(score)) {
                throw invalid();
            }
            return new SearchCursor(score, Long.parseLong(parts[1]), parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return new ApiException(400, "invalid_cursor", "The cursor is not one this server handed out.");
    }
}
