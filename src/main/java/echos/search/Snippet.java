package echos.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text around a message's first match and where the terms are in it, as UTF-16 offsets (what a browser's
 * string indices count), for the client to mark. Never HTML: the client builds the marks as elements.
 */
public record Snippet(String text, List<Highlight> highlights) {

    public record Highlight(int start, int length) {
    }

    private static final int BEFORE_MATCH = 40;
    private static final String ELLIPSIS = "…";

    /** @param maxChars the longest snippet, ellipses excluded */
    public static Snippet of(String text, List<String> terms, int maxChars) {
        List<int[]> matches = matches(text, terms);
        int first = matches.isEmpty() ? 0 : matches.get(0)[0];
        int start = Math.max(0, first - BEFORE_MATCH);
        if (start > 0) {
            // start at a word boundary when one is near, so the snippet does not open mid-word
            int space = text.indexOf(' ', start);
            if (space >= 0 && space < first) {
                start = space + 1;
            }
        }
        if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
            start++;
        }
        int end = Math.min(text.length(), start + maxChars);
        if (end < text.length() && end > start && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        String prefix = start > 0 ? ELLIPSIS : "";
        String body = text.substring(start, end).replaceAll("[\\r\\n\\t]", " ");
        String snippet = prefix + body + (end < text.length() ? ELLIPSIS : "");
        List<Highlight> highlights = new ArrayList<>();
        int covered = start;
        for (int[] m : matches) {
            int from = Math.max(m[0], covered);
            int to = Math.min(m[1], end);
            if (from < to) {
                highlights.add(new Highlight(from - start + prefix.length(), to - from));
                covered = to;
            }
        }
        return new Snippet(snippet, highlights);
    }

    /** Every place a term starts a word, sorted, as [start, end). */
    private static List<int[]> matches(String text, List<String> terms) {
        List<int[]> found = new ArrayList<>();
        for (String term : terms) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}\\p{M}])" + Pattern.quote(term), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(text);
            while (m.find()) {
                found.add(new int[] {m.start(), m.end()});
            }
        }
        found.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(y[1], x[1]));
        return found;
    }
}
