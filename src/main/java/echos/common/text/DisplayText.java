package echos.common.text;

import java.nio.charset.StandardCharsets;

/**
 * Rules for a short label other people see (a person's name, a group's title), checked on the value as stored.
 * Besides the length in code points and UTF-8 bytes, it refuses characters that let one label pass for another:
 * control characters, line and paragraph separators, lone surrogates, and every invisible format character
 * (Unicode category Cf: bidi overrides and isolates, zero-width spaces and joiners, soft hyphen, tags, BOM),
 * except a zero-width joiner between two emoji, which is how family, profession and flag emoji are written.
 */
public record DisplayText(String label, int maxCodePoints, int maxBytes) {

    private static final int ZWJ = 0x200D;
    private static final int VS16 = 0xFE0F;

    public DisplayText {
        if (maxCodePoints < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("display text limits must be positive");
        }
    }

    /** @return what is wrong with an already trimmed value, or null when it is fine */
    public String problem(String trimmed) {
        if (trimmed == null || trimmed.isEmpty()) {
            return label + " is required.";
        }
        if (trimmed.codePointCount(0, trimmed.length()) > maxCodePoints
                || trimmed.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            return label + " must be at most " + maxCodePoints + " characters (" + maxBytes + " bytes).";
        }
        int[] cps = trimmed.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int type = Character.getType(cps[i]);
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE) {
                return label + " must not contain control characters.";
            }
            if (type == Character.FORMAT && !(cps[i] == ZWJ && joinsEmoji(cps, i))) {
                return label + " must not contain invisible formatting characters.";
            }
        }
        return null;
    }

    private static boolean joinsEmoji(int[] cps, int zwj) {
        int before = zwj - 1;
        if (before >= 0 && cps[before] == VS16) {
            before--;
        }
        return before >= 0 && Emoji.is(cps[before]) && zwj + 1 < cps.length && Emoji.is(cps[zwj + 1]);
    }
}
