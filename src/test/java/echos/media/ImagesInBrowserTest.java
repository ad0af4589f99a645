package echos.media;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import echos.web.BrowserTest;
import echos.web.Chromium;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Avatar upload and an image message between two people, through the real web UI in headless Chromium. */
@QuarkusTest
class ImagesInBrowserTest extends BrowserTest {

    /** Waits (up to 20 s) until the image has finished loading real pixels. */
    private static boolean loaded(Locator image) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if ((Boolean) image.evaluate("img => img.complete && img.naturalWidth > 0")) {
                return true;
            }
            image.page().waitForTimeout(100);
        }
        return false;
    }

    @Test
    void anAvatarAndAnImageMessageReachTheOtherPerson() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Account alice = person("Alice " + tag);
        Account bob = person("Bob " + tag);
        TestChats.direct(alice, bob);
        Path avatar = Files.createTempFile("avatar", ".jpg");
        Files.write(avatar, TestImages.jpeg(640, 480));
        Path photo = Files.createTempFile("photo", ".png");
        Files.write(photo, TestImages.png(900, 600));

        try (BrowserContext aliceContext = loggedIn(alice, 1280, 800); BrowserContext bobContext = loggedIn(bob, 375, 740)) {
            Page a = aliceContext.newPage();
            a.navigate(url("/profile"));
            a.getByTestId("avatar-file-input").setInputFiles(avatar);
            assertThat(a.getByTestId("avatar-preview")).isVisible();
            a.getByTestId("avatar-save").click();
            Locator navbarAvatar = a.getByTestId("user-menu-avatar");
            assertThat(navbarAvatar).isVisible();
            assertThat(navbarAvatar).hasAttribute("src", java.util.regex.Pattern.compile(".+"));
            assertTrue(loaded(navbarAvatar), "the navbar shows the uploaded picture");
            a.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("30-avatar-desktop")));

            Page b = bobContext.newPage();
            b.navigate(url("/"));
            Locator aliceItem = b.getByTestId("conversation-item").filter(new Locator.FilterOptions().setHasText("Alice " + tag));
            assertThat(aliceItem.locator("img").first()).isVisible();
            assertTrue(loaded(aliceItem.locator("img").first()), "Bob sees Alice's picture");
            aliceItem.click();

            a.navigate(url("/"));
            a.getByTestId("conversation-item").filter(new Locator.FilterOptions().setHasText("Bob " + tag)).click();
            a.getByTestId("composer-file-input").setInputFiles(photo);
            assertThat(a.getByTestId("attachment-preview")).isVisible();
            a.getByTestId("composer-input").fill("Our office");
            a.getByTestId("composer-input").press("Enter");

            Locator received = b.getByTestId("message-image").first();
            assertThat(received).isVisible();
            assertTrue(loaded(received), "the thumbnail loads for Bob");
            b.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("31-image-message-phone")));
            received.click();
            assertThat(b.getByTestId("lightbox-image")).isVisible();
            assertTrue(loaded(b.getByTestId("lightbox-image")), "the full image loads in the lightbox");
            b.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("32-lightbox-phone")));
            b.keyboard().press("Escape");
            assertThat(b.getByTestId("lightbox-image")).isHidden();
        }
    }
}
