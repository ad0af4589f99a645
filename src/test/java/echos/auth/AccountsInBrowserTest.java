package echos.auth;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import echos.web.BrowserTest;
import echos.web.Chromium;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Signup, logout, login and profile editing through the real web UI in headless Chromium. */
@QuarkusTest
class AccountsInBrowserTest extends BrowserTest {

    @Test
    void signsUpLogsOutLogsInAndEditsTheProfile() {
        String email = TestAccounts.uniqueEmail();
        try (BrowserContext context = browser(1280, 800)) {
            Page page = context.newPage();

            page.navigate(url("/"));
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("01-login")));

            page.navigate(url("/signup"));
            page.getByTestId("signup-fullName").fill("Browser Tester");
            page.getByTestId("signup-email").fill(email);
            page.getByTestId("signup-password").fill("short");
            page.getByTestId("signup-submit").click();
            assertThat(page.getByTestId("error-password")).isVisible();
            page.getByTestId("signup-password").fill(TestAccounts.PASSWORD);
            page.getByTestId("signup-submit").click();
            assertThat(page.getByTestId("chat-shell")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("02-chat-shell")));

            page.getByTestId("user-menu").click();
            page.getByTestId("menu-logout").click();
            assertThat(page).hasURL(Pattern.compile(".*/login$"));

            page.getByTestId("login-email").fill(email);
            page.getByTestId("login-password").fill("not my password");
            page.getByTestId("login-submit").click();
            assertThat(page.getByText("Wrong email or password").first()).isVisible();
            page.getByTestId("login-password").fill(TestAccounts.PASSWORD);
            page.getByTestId("login-submit").click();
            assertThat(page.getByTestId("chat-shell")).isVisible();

            page.getByTestId("user-menu").click();
            page.getByTestId("menu-profile").click();
            assertThat(page).hasURL(Pattern.compile(".*/profile$"));
            assertThat(page.getByTestId("profile-email")).hasValue(email);
            page.getByTestId("profile-fullName").fill("Renamed Tester");
            page.getByTestId("profile-bio").fill("I test <b>things</b> in browsers.");
            page.getByTestId("profile-save").click();
            assertThat(page.getByTestId("toast").first()).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("03-profile-saved")));

            page.reload();
            assertThat(page.getByTestId("profile-fullName")).hasValue("Renamed Tester");
            assertThat(page.getByTestId("profile-bio")).hasValue("I test <b>things</b> in browsers.");
        }
    }

    @Test
    void showsTheTakenEmailNextToTheFieldAndWorksAtPhoneWidth() {
        TestAccounts.Account existing = TestAccounts.signUp();
        try (BrowserContext context = browser(375, 740)) {
            Page page = context.newPage();
            page.navigate(url("/signup"));
            page.getByTestId("signup-fullName").fill("Second Person");
            page.getByTestId("signup-email").fill(existing.email());
            page.getByTestId("signup-password").fill(TestAccounts.PASSWORD);
            page.getByTestId("signup-submit").click();
            assertThat(page.getByTestId("error-email")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("04-signup-phone-email-taken")));

            page.navigate(url("/login"));
            page.getByTestId("login-email").fill(existing.email());
            page.getByTestId("login-password").fill(TestAccounts.PASSWORD);
            page.getByTestId("login-password").press("Enter");
            assertThat(page.getByTestId("chat-shell")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("05-chat-shell-phone")));

            page.navigate(url("/login"));
            assertThat(page).hasURL(Pattern.compile(".*/$"));

            page.navigate(url("/settings"));
            page.getByTestId("theme-dark").click();
            page.reload();
            assertThat(page.locator("html")).hasAttribute("data-theme", "dark");
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("06-settings-dark-phone")));
        }
    }
}
