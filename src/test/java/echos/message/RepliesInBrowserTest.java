package echos.message;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static echos.auth.TestAccounts.as;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import echos.web.BrowserTest;
import echos.web.Chromium;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two people reply to each other: the quote shows live on the other screen, a click on a quote of a message far back
 * loads history until it is there and marks it, and a quote of a message deleted later reads "Deleted message".
 */
@QuarkusTest
class RepliesInBrowserTest extends BrowserTest {

    @Test
    void atDesktopWidth() {
        repliesQuoteJumpAndShowDeletion(1280, 800, "43-replies-desktop");
    }

    @Test
    void atPhoneWidth() {
        repliesQuoteJumpAndShowDeletion(375, 800, "44-replies-phone");
    }

    private static Locator bubble(Page page, String text) {
        return page.getByTestId("message").filter(new Locator.FilterOptions().setHasText(text));
    }

    private void repliesQuoteJumpAndShowDeletion(int width, int height, String shot) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Account alice = person("Alice " + tag);
        Account bob = person("Bob " + tag);
        String conversation = TestChats.direct(alice, bob);
        String path = "/api/conversations/" + conversation + "/messages";
        String original = as(bob).body(Map.of("clientId", "orig", "text", "the plan, far back in history")).post(path).then()
                .statusCode(201).extract().path("message.id");
        for (int i = 0; i < 60; i++) {
            TestChats.send(i % 2 == 0 ? alice : bob, conversation, "filler " + i);
        }
        TestChats.send(bob, conversation, "are you coming tonight?");
        try (BrowserContext aliceContext = loggedIn(alice, width, height); BrowserContext bobContext = loggedIn(bob, width, height)) {
            Page a = aliceContext.newPage();
            a.navigate(url("/c/" + conversation));
            Page b = bobContext.newPage();
            b.navigate(url("/c/" + conversation));

            Locator question = bubble(a, "are you coming tonight?");
            question.hover();
            question.getByTestId("message-menu").click();
            a.getByTestId("message-reply").click();
            assertThat(a.getByTestId("composer-reply")).containsText("Replying to Bob " + tag);
            a.getByTestId("composer-input").fill("yes, at eight");
            a.getByTestId("composer-input").press("Enter");
            assertThat(a.getByTestId("composer-reply")).hasCount(0);

            Locator reply = bubble(b, "yes, at eight");
            assertThat(reply.getByTestId("message-quote")).containsText("You");
            assertThat(reply.getByTestId("message-quote")).containsText("are you coming tonight?");

            // A reply to a message 60 back: not loaded on either screen until the quote is clicked.
            as(alice).body(Map.of("clientId", "late", "text", "about the plan: agreed", "replyTo", original)).post(path).then().statusCode(201);
            Locator late = bubble(b, "about the plan: agreed");
            assertThat(late.getByTestId("message-quote")).containsText("the plan, far back");
            Locator target = b.locator("[data-testid=message][data-seq='1']");
            assertThat(target).hasCount(0);
            late.getByTestId("message-quote").click();
            assertThat(target.getByTestId("message-text")).hasText("the plan, far back in history");
            assertThat(target).hasAttribute("data-highlighted", "true");
            assertThat(target).isInViewport();
            b.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(shot + "-jump")));

            as(bob).delete(path + "/" + original).then().statusCode(204);
            Locator gone = bubble(a, "about the plan: agreed").getByTestId("message-quote");
            assertThat(gone).hasAttribute("data-deleted", "true");
            assertThat(gone).hasText("Deleted message");
            a.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(shot)));
        }
    }
}
