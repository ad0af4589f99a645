package echos.auth;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads password reset mails that the real SMTP server (GreenMail) received. */
public final class ResetMails {

    private static final Pattern TOKEN = Pattern.compile("/reset-password\\?token=([A-Za-z0-9_-]+)");

    private ResetMails() {
    }

    /** Waits for the n-th mail (1-based) and returns the token of its link. */
    public static String awaitToken(GreenMailExtension mail, int count) throws Exception {
        if (!mail.waitForIncomingEmail(15_000, count)) {
            throw new AssertionError("expected " + count + " mail(s), got " + mail.getReceivedMessages().length);
        }
        MimeMessage message = mail.getReceivedMessages()[count - 1];
        Matcher m = TOKEN.matcher(com.icegreen.greenmail.util.GreenMailUtil.getBody(message));
        if (!m.find()) {
            throw new AssertionError("no reset link in mail");
        }
        return m.group(1);
    }
}
