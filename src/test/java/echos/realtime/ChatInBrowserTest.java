package echos.realtime;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import echos.auth.TestAccounts.Account;
import echos.web.BrowserTest;
import echos.web.Chromium;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Two (then three) people chatting through the real web UI in headless Chromium. */
@QuarkusTest
class ChatInBrowserTest extends BrowserTest {

    private static Locator conversation(Page page, String name) {
        return page.getByTestId("conversation-item").filter(new Locator.FilterOptions().setHasText(name));
    }

    @Test
    void twoPeopleChatLiveSeeTypingAndReadTicksThenAGroupAndPresence() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Account alice = person("Alice " + tag);
        Account bob = person("Bob " + tag);
        Account carol = person("Carol " + tag);
        try (BrowserContext aliceContext = loggedIn(alice, 1280, 800); BrowserContext carolContext = loggedIn(carol, 375, 740)) {
            Page a = openChat(aliceContext);

            BrowserContext bobContext = loggedIn(bob, 1280, 800);
            Page b = openChat(bobContext);

            // Alice starts a direct chat with Bob through the user search
            startDirectChat(a, "Bob " + tag);
            assertThat(a.getByTestId("thread")).isVisible();
            assertThat(a.getByTestId("thread-title")).containsText("Bob " + tag);
            // Bob has not written to Alice yet, so she may not see whether he is online
            assertThat(a.getByTestId("presence-status")).containsText("Offline");

            a.getByTestId("composer-input").fill("Hi Bob! <img src=x onerror=alert(1)>");
            a.getByTestId("composer-input").press("Enter");
            Locator aliceFirst = a.getByTestId("message").filter(new Locator.FilterOptions().setHasText("Hi Bob!"));
            assertThat(aliceFirst).hasAttribute("data-mine", "true");

            // Bob sees the conversation and the message arrive live, as text
            conversation(b, "Alice " + tag).click();
            Locator bobSees = b.getByTestId("message-text").filter(new Locator.FilterOptions().setHasText("Hi Bob!"));
            assertThat(bobSees).hasText("Hi Bob! <img src=x onerror=alert(1)>");

            // Bob has it on screen: Alice's message shows as read
            assertThat(aliceFirst).hasAttribute("data-status", "read");

            // Bob's reply arrives live, and now that both have written, each sees the other online
            b.getByTestId("composer-input").fill("Hey Al");
            b.getByTestId("composer-input").press("Enter");
            assertThat(a.getByTestId("message-text").filter(new Locator.FilterOptions().setHasText("Hey Al"))).isVisible();
            assertThat(a.getByTestId("presence-status")).containsText("Online");

            // Bob types; Alice sees the indicator; his next message arrives live
            b.getByTestId("composer-input").pressSequentially("How are you?", new Locator.PressSequentiallyOptions().setDelay(40));
            assertThat(a.getByTestId("typing-indicator")).containsText("Bob");
            b.getByTestId("composer-input").press("Enter");
            assertThat(a.getByTestId("message-text").filter(new Locator.FilterOptions().setHasText("How are you?"))).isVisible();
            a.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("10-direct-chat-desktop")));

            // Alice creates a group with Bob and Carol; Carol (on a phone) sees it appear
            Page c = carolContext.newPage();
            c.navigate(url("/"));
            assertThat(c.getByTestId("chat-shell")).isVisible();
            a.getByTestId("new-group").click();
            a.getByTestId("group-name").fill("Team " + tag);
            for (String name : List.of("Bob " + tag, "Carol " + tag)) {
                a.getByTestId("group-member-search").fill(name);
                a.getByTestId("group-member-option").filter(new Locator.FilterOptions().setHasText(name)).first().click();
            }
            a.getByTestId("group-create").click();
            assertThat(a.getByTestId("thread-title")).containsText("Team " + tag);
            a.getByTestId("composer-input").fill("Welcome to the team");
            a.getByTestId("composer-send").click();
            conversation(c, "Team " + tag).click();
            assertThat(c.getByTestId("message-text").filter(new Locator.FilterOptions().setHasText("Welcome to the team"))).isVisible();
            c.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("11-group-phone")));

            // Bob closes his browser: Alice sees him go offline after the grace period
            conversation(a, "Bob " + tag).click();
            assertThat(a.getByTestId("presence-status")).containsText("Online");
            bobContext.close();
            assertThat(a.getByTestId("presence-status")).containsText("Last seen");
            a.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("12-offline-desktop")));
        }
    }
}
