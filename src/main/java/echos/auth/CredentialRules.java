package echos.auth;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email and password rules shared by signup, login and password change. */
final class CredentialRules {

    static final int PASSWORD_MIN = 8;
    static final int PASSWORD_MAX = 128;
    private static final int EMAIL_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}.][^@\\s\\p{Cntrl}]*$");

    private CredentialRules() {
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** @return what is wrong with a normalized email, or null when it is fine */
    static String emailProblem(String normalized) {
        if (normalized.isEmpty()) {
            return "Email is required.";
        }
        if (normalized.length() > EMAIL_MAX || !EMAIL.matcher(normalized).matches()) {
            return "Enter a valid email address.";
        }
        return null;
    }

    static String passwordProblem(String password) {
        if (password == null || password.isEmpty()) {
            return "Password is required.";
        }
        int length = password.codePointCount(0, password.length());
        if (length < PASSWORD_MIN) {
            return "Password must be at least " + PASSWORD_MIN + " characters.";
        }
        if (length > PASSWORD_MAX) {
            return "Password must be at most " + PASSWORD_MAX + " characters.";
        }
        return null;
    }
}
