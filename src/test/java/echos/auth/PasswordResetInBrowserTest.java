package echos.auth;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import echos.web.BrowserTest;
import echos.web.Chromium;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Forgot password → mail (read from a real SMTP server) → reset → login, in headless Chromium. */
@QuarkusTest
class PasswordResetInBrowserTest extends BrowserTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @org.junit.jupiter.api.BeforeEach
    void emptyMailboxes() throws Exception {
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void walksFromForgotPasswordThroughTheMailToANewLogin() throws Exception {
        TestAccounts.Account account = TestAccounts.signUp();
        try (BrowserContext context = browser(375, 740)) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            page.getByTestId("login-email").fill(account.email());
            page.getByTestId("forgot-password-link").click();
            assertThat(page).hasURL(Pattern.compile(".*/forgot-password.*"));
            page.getByTestId("forgot-email").fill(account.email());
            page.getByTestId("forgot-submit").click();
            assertThat(page.getByTestId("forgot-sent")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("20-forgot-sent-phone")));

            String token = ResetMails.awaitToken(mail, 1);
            page.navigate(url("/reset-password?token=" + token));
            page.getByTestId("reset-password").fill("brand new secret");
            page.getByTestId("reset-password-confirm").fill("brand new secre");
            page.getByTestId("reset-submit").click();
            assertThat(page.getByTestId("error-confirmPassword")).isVisible();
            page.getByTestId("reset-password-confirm").fill("brand new secret");
            page.getByTestId("reset-submit").click();
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
            assertThat(page.getByTestId("toast").first()).containsText("Password changed");

            page.getByTestId("login-email").fill(account.email());
            page.getByTestId("login-password").fill("brand new secret");
            page.getByTestId("login-submit").click();
            assertThat(page.getByTestId("chat-shell")).isVisible();

            page.navigate(url("/reset-password?token=" + token));
            page.getByTestId("reset-password").fill("yet another secret");
            page.getByTestId("reset-password-confirm").fill("yet another secret");
            page.getByTestId("reset-submit").click();
            assertThat(page.getByTestId("reset-invalid")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("21-reset-link-used-phone")));
        }
    }
}
