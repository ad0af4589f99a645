package echos.storage.mongo;

import java.util.Locale;

/** Text helpers shared by the MongoDB adapters. */
public final class MongoText {

    private MongoText() {
    }

    /** The lower-cased form stored beside a field for case-insensitive lookups, unique indexes and sorting. */
    public static String key(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /**
     * A regular expression matching the text literally. Every ASCII punctuation character is backslash-escaped,
     * which both PCRE (MongoDB) and java.util.regex read as the plain character; \Q..\E is avoided because a
     * {@code \E} inside the text would end the quoting.
     */
    public static String literalRegex(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
