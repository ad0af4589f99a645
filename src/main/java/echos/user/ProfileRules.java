package echos.user;

import echos.common.text.DisplayText;

/** Rules for the public parts of a profile: full name and bio. */
public final class ProfileRules {

    public static final int FULL_NAME_MAX = 50;
    public static final int FULL_NAME_MAX_BYTES = 200;
    public static final int BIO_MAX = 200;
    private static final DisplayText FULL_NAME = new DisplayText("Full name", FULL_NAME_MAX, FULL_NAME_MAX_BYTES);

    private ProfileRules() {
    }

    /** @return what is wrong with an already trimmed full name, or null when it is fine */
    public static String fullNameProblem(String trimmed) {
        return FULL_NAME.problem(trimmed);
    }

    /** Bios may span lines; other control characters are refused. */
    public static String bioProblem(String trimmed) {
        if (trimmed.codePointCount(0, trimmed.length()) > BIO_MAX) {
            return "Bio must be at most " + BIO_MAX + " characters.";
        }
        if (trimmed.codePoints().anyMatch(c -> c != '\n' && isControl(c))) {
            return "Bio must not contain control characters.";
        }
        return null;
    }

    private static boolean isControl(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL || codePoint == 0x2028 || codePoint == 0x2029;
    }

    public static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
