package echos.message;

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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * URLs in messages are safe links, the tab title counts unread messages, and a divider marks the first unread one, at
 * desktop and phone width.
 */
@QuarkusTest
class LinksAndUnreadTitleInBrowserTest extends BrowserTest {

    @Test
    void atDesktopWidth() {
        linksAreSafeAndTheTitleCountsUnread(1280, 800, "41-links-title-desktop");
    }

    @Test
    void atPhoneWidth() {
        linksAreSafeAndTheTitleCountsUnread(375, 800, "42-links-title-phone");
    }

    private void linksAreSafeAndTheTitleCountsUnread(int width, int height, String shot) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Account alice = person("Alice " + tag);
        Account bob = person("Bob " + tag);
        String conversation = TestChats.direct(alice, bob);
        try (BrowserContext bobContext = loggedIn(bob, width, height)) {
            Page b = bobContext.newPage();
            b.navigate(url("/"));
            assertThat(b.getByTestId("conversation-item")).hasCount(1);
            assertThat(b).hasTitle("Echos");

            TestChats.send(alice, conversation, "the guide: https://example.com/guide. and javascript:alert(1)");
            TestChats.send(alice, conversation, "second one");
            assertThat(b).hasTitle("(2) Echos");
            assertThat(b.locator("link[rel=icon]")).hasAttribute("href", Pattern.compile("^data:image/svg\\+xml,"));

            b.getByTestId("conversation-item").click();
            Locator divider = b.getByTestId("unread-divider");
            assertThat(divider).hasText("New messages");
            assertThat(b.locator("[data-testid=unread-divider] + [data-testid=message]")).containsText("the guide");
            Locator bubble = b.getByTestId("message").filter(new Locator.FilterOptions().setHasText("the guide"));
            Locator link = bubble.getByTestId("message-link");
            assertThat(link).hasCount(1);
            assertThat(link).hasAttribute("href", "https://example.com/guide");
            assertThat(link).hasAttribute("target", "_blank");
            assertThat(link).hasAttribute("rel", "noopener noreferrer");
            assertThat(link).hasText("https://example.com/guide");
            assertThat(bubble.getByTestId("message-text")).containsText("and javascript:alert(1)");
            assertThat(b).hasTitle("Echos");
            assertThat(b.locator("link[rel=icon]")).hasAttribute("href", "/favicon.svg");
            b.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(shot)));
        }
    }
}
