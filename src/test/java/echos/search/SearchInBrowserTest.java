package echos.search;

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
 * Searching messages in the web app: the sidebar's search finds a message of another conversation with its terms
 * marked, a click opens that conversation at the message; the thread header's search stays in its conversation.
 */
@QuarkusTest
class SearchInBrowserTest extends BrowserTest {

    @Test
    void atDesktopWidth() {
        searchesAndOpensTheHit(1280, 800, "51-search-desktop");
    }

    @Test
    void atPhoneWidth() {
        searchesAndOpensTheHit(375, 800, "52-search-phone");
    }

    private void searchesAndOpensTheHit(int width, int height, String shot) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).replaceAll("[0-9]", "k");
        Account alice = person("Alice " + tag);
        Account bob = person("Bob " + tag);
        Account carol = person("Carol " + tag);
        String withBob = TestChats.direct(alice, bob);
        String withCarol = TestChats.direct(alice, carol);
        TestChats.send(bob, withBob, "the " + word + " launch is <b>tomorrow</b> at nine");
        TestChats.send(alice, withBob, "ok");
        long carolSeq = TestChats.send(carol, withCarol, "did you see the " + word.toUpperCase() + " pictures?");
        TestChats.send(carol, withCarol, "newest, no match");
        try (BrowserContext context = loggedIn(alice, width, height)) {
            Page a = context.newPage();
            a.navigate(url("/"));
            assertThat(a.getByTestId("conversation-item")).hasCount(2);

            a.getByTestId("search-open").click();
            a.getByTestId("search-input").fill(word.substring(0, 6));
            a.getByTestId("search-input").press("Enter");
            Locator hits = a.getByTestId("search-hit");
            assertThat(hits).hasCount(2);
            Locator fromCarol = hits.filter(new Locator.FilterOptions().setHasText("pictures"));
            assertThat(fromCarol.getByTestId("search-hit-conversation")).hasText("Carol " + tag);
            assertThat(fromCarol.locator("mark")).hasText(word.toUpperCase().substring(0, 6));
            Locator fromBob = hits.filter(new Locator.FilterOptions().setHasText("launch"));
            assertThat(fromBob.getByTestId("search-hit-snippet")).hasText("the " + word + " launch is <b>tomorrow</b> at nine");
            assertThat(fromBob.locator("b")).hasCount(0);
            a.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(shot + "-hits")));

            assertThat(fromCarol).hasAttribute("href", "/c/" + withCarol + "?at=" + carolSeq);
            fromCarol.click();
            // the thread opens at the message, then drops ?at= from the address (Thread.tsx); ids are hex, no regex quoting (JS has no \Q)
            assertThat(a).hasURL(Pattern.compile("/c/" + withCarol + "(\\?at=" + carolSeq + ")?$"));
            assertThat(a.getByTestId("search-panel")).hasCount(0);
            assertThat(a.getByTestId("thread-title")).hasText("Carol " + tag);

            a.getByTestId("search-in-conversation").click();
            assertThat(a.getByTestId("search-scope")).hasText("In: Carol " + tag);
            a.getByTestId("search-input").fill(word);
            a.getByTestId("search-input").press("Enter");
            assertThat(a.getByTestId("search-hit")).hasCount(1);
            assertThat(a.getByTestId("search-hit")).containsText("pictures");
            a.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(shot + "-in-conversation")));
        }
    }
}
