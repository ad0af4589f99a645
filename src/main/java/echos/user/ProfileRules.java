package echos.user;

/** Rules for the public parts of a profile: full name and bio. */
public final class ProfileRules {

    public static final int FULL_NAME_MAX = 50;
    public static final int BIO_MAX = 200;

    private ProfileRules() {
    }

    /** @return what is wrong with an already trimmed full name, or null when it is fine */
    public static String fullNameProblem(String trimmed) {
        if (trimmed == null || trimmed.isEmpty()) {
            return "Full name is required.";
        }
        if (trimmed.codePointCount(0, trimmed.length()) > FULL_NAME_MAX) {
            return "Full name must be at most " + FULL_NAME_MAX + " characters.";
        }
        if (trimmed.codePoints().anyMatch(ProfileRules::isControl)) {
            return "Full name must not contain control characters.";
        }
        return null;
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
