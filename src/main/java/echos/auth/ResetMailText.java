package echos.auth;

/** The words of the password reset mail, as plain text and as HTML. */
final class ResetMailText {

    private ResetMailText() {
    }

    static String plain(String link) {
        return """
                Someone (hopefully you) asked to reset the password of your Echos account.

                Open this link within 30 minutes to choose a new password:
                %s

                If you did not ask for this, ignore this mail; your password stays as it is.
                """.formatted(link);
    }

    static String html(String link) {
        String safe = link.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        return """
                <p>Someone (hopefully you) asked to reset the password of your Echos account.</p>
                <p><a href="%s">Choose a new password</a> (the link works for 30 minutes).</p>
                <p>If the button does not work, copy this address into your browser:<br>%s</p>
                <p>If you did not ask for this, ignore this mail; your password stays as it is.</p>
                """.formatted(safe, safe);
    }
}
