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
import org.junit.jupiter.api.Test;

/** A edits and deletes messages; B sees both live and after a reload, in headless Chromium. */
@QuarkusTest
class EditDeleteInBrowserTest extends BrowserTest {

    private static Locator bubble(Page page, String text) {
        return page.getByTestId("message").filter(new Locator.FilterOptions().setHasText(text));
    }

    @Test
    void editsAndDeletesShowLiveAndAfterAReload() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Account alice = person("Alice " + tag);
        Account bob = person("Bob " + tag);
        String conversation = TestChats.direct(alice, bob);
        TestChats.send(alice, conversation, "teh first message");
        TestChats.send(alice, conversation, "an accidental message");
        try (BrowserContext aliceContext = loggedIn(alice, 1280, 800); BrowserContext bobContext = loggedIn(bob, 1280, 800)) {
            Page a = aliceContext.newPage();
            a.navigate(url("/c/" + conversation));
            Page b = bobContext.newPage();
            b.navigate(url("/c/" + conversation));
            assertThat(bubble(b, "teh first message")).isVisible();

            Locator first = bubble(a, "teh first message");
            first.hover();
            first.getByTestId("message-menu").click();
            a.getByTestId("message-edit").click();
            a.getByTestId("message-edit-input").fill("the first message");
            a.getByTestId("message-edit-input").press("Enter");
            Locator edited = bubble(b, "the first message");
            assertThat(edited.getByTestId("message-edited")).isVisible();

            Locator accidental = bubble(a, "an accidental message");
            accidental.hover();
            accidental.getByTestId("message-menu").click();
            a.getByTestId("message-delete").click();
            a.getByTestId("confirm-delete").click();
            assertThat(b.getByTestId("message-deleted")).containsText("This message was deleted");
            assertThat(bubble(b, "an accidental message")).hasCount(0);
            b.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("40-edit-delete-live")));

            b.reload();
            assertThat(bubble(b, "the first message").getByTestId("message-edited")).isVisible();
            assertThat(b.getByTestId("message-deleted")).containsText("This message was deleted");
            assertThat(bubble(b, "an accidental message")).hasCount(0);
        }
    }
}
