package echos.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns what the user typed into search terms: the runs of letters, digits and combining marks, lower-cased,
 * each once. Everything else (quotes, stars, minus signs, colons, brackets) only separates words, and words such as
 * AND, OR, NOT are plain words, so no input reaches a database's query syntax.
 */
public final class SearchTerms {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

    private SearchTerms() {
    }

    /** At most maxTerms terms, in the order typed; empty when the text holds no word. */
    public static List<String> of(String text, int maxTerms) {
        LinkedHashSet<String> terms = new LinkedHashSet<>();
        for (String word : SEPARATORS.split(text)) {
            if (!word.isEmpty() && Character.getType(word.charAt(0)) != Character.NON_SPACING_MARK && terms.size() < maxTerms) {
                terms.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(terms);
    }
}
