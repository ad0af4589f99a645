package echos.user;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import echos.web.BrowserTest;
import echos.web.Chromium;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The "Show when I'm online" switch in Settings, watched live by a contact in another browser. */
@QuarkusTest
class PresenceSettingInBrowserTest extends BrowserTest {

    /** The socket starts with the chat shell and stays open on the settings page, as it does for a real user. */
    private void openSettingsFromTheChat(Page page) {
        page.navigate(url("/"));
        assertThat(page.getByTestId("chat-shell")).isVisible();
        page.getByTestId("user-menu").click();
        page.getByTestId("menu-settings").click();
    }

    @Test
    void aContactSeesYouOfflineWhileTheSwitchIsOffAndOnlineAgainWhenItIsOn() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Account alice = person("Alice " + tag);
        Account bob = person("Bob " + tag);
        String direct = TestChats.direct(alice, bob);
        TestChats.send(alice, direct, "Hi Bob");
        TestChats.send(bob, direct, "Hi Alice");
        try (BrowserContext aliceContext = loggedIn(alice, 1280, 800); BrowserContext bobContext = loggedIn(bob, 375, 740)) {
            Page b = bobContext.newPage();
            openSettingsFromTheChat(b);
            Locator toggle = b.getByRole(com.microsoft.playwright.options.AriaRole.SWITCH,
                    new Page.GetByRoleOptions().setName("Show when I'm online"));
            assertThat(toggle).isChecked();

            Page a = aliceContext.newPage();
            a.navigate(url("/"));
            a.getByTestId("conversation-item").filter(new Locator.FilterOptions().setHasText("Bob " + tag)).click();
            Locator status = a.getByTestId("presence-status");
            assertThat(status).hasText("Online");

            toggle.click();
            assertThat(toggle).not().isChecked();
            assertThat(toggle).isEnabled();
            assertThat(status).hasText("Offline");
            b.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("40-show-online-off-phone")));
            a.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("41-contact-hidden-desktop")));

            // A fresh page load reads the stored setting back from the server.
            openSettingsFromTheChat(b);
            assertThat(toggle).not().isChecked();

            toggle.click();
            assertThat(toggle).isChecked();
            assertThat(status).hasText("Online");
        }
    }
}
