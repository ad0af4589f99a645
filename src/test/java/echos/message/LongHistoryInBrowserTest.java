package echos.message;

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
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A conversation with 10,000 messages, all loaded in the page by opening it at its first message: only the rows near
 * the view are in the page, scrolling through it keeps frames short, and a live message still arrives at the bottom.
 */
@QuarkusTest
class LongHistoryInBrowserTest extends BrowserTest {

    private static final int MESSAGES = 10_000;

    @Inject
    MessageStore messages;

    /** Seeded once for both widths (10,000 appends take a while): the two people and their conversation. */
    private static Account alice;
    private static Account bob;
    private static String conversation;

    private synchronized void seedOnce() {
        if (conversation != null) {
            return;
        }
        String tag = UUID.randomUUID().toString().substring(0, 6);
        alice = person("Alice " + tag);
        bob = person("Bob " + tag);
        conversation = TestChats.direct(alice, bob);
        Instant start = Instant.now().minusSeconds(MESSAGES);
        for (int i = 1; i <= MESSAGES; i++) {
            String sender = i % 3 == 0 ? bob.id() : alice.id();
            messages.append(new NewMessage(UUID.randomUUID().toString(), conversation, sender, "seed-" + i,
                    "message number " + i + (i % 7 == 0 ? "\nwith a second line" : ""), start.plusSeconds(i)));
        }
    }

    @Test
    void atDesktopWidth() {
        tenThousandLoadedMessagesStaySmooth(1280, 800, "45-long-history-desktop");
    }

    @Test
    void atPhoneWidth() {
        tenThousandLoadedMessagesStaySmooth(375, 800, "46-long-history-phone");
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private void tenThousandLoadedMessagesStaySmooth(int width, int height, String shot) {
        seedOnce();
        String live = "a live one at width " + width;
        try (BrowserContext bobContext = loggedIn(bob, width, height)) {
            Page b = bobContext.newPage();
            b.setDefaultTimeout(60_000);
            long opened = System.nanoTime();
            b.navigate(url("/c/" + conversation + "?at=1"));
            Locator first = b.locator("[data-testid=message][data-seq='1']");
            assertThat(first).hasAttribute("data-highlighted", "true", new com.microsoft.playwright.assertions.LocatorAssertions
                    .HasAttributeOptions().setTimeout(120_000));
            long loadedMs = (System.nanoTime() - opened) / 1_000_000;
            assertThat(first.getByTestId("message-text")).hasText("message number 1");
            int rendered = b.getByTestId("message").count();
            assertTrue(rendered < 150, "only rows near the view are in the page, not " + rendered);

            // Scroll from the top to the bottom in 40 steps, measuring the frames.
            Object frames = b.evaluate("""
                    async () => {
                      const list = document.querySelector('[data-testid=message-list]');
                      const gaps = [];
                      let last = performance.now();
                      for (let i = 1; i <= 40; i++) {
                        list.scrollTop = (list.scrollHeight - list.clientHeight) * i / 40;
                        await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                        const now = performance.now();
                        gaps.push(now - last);
                        last = now;
                      }
                      gaps.sort((x, y) => x - y);
                      return { median: gaps[20], p95: gaps[37], max: gaps[39],
                               rendered: document.querySelectorAll('[data-testid=message]').length };
                    }""");
            System.out.println("long-history width=" + width + " messages=" + MESSAGES + " load1=" + loadAverage() + " loadAllMs=" + loadedMs
                    + " initiallyRendered=" + rendered + " scrollFrames(two rAF per step, ms)=" + frames);
            // Rows measured taller than estimated grow the list under the last step, as a reader dragging the
            // scrollbar to the end would see: keep going to the end (bounded) until it stays there.
            b.evaluate("""
                    async () => {
                      const list = document.querySelector('[data-testid=message-list]');
                      for (let i = 0; i < 50; i++) {
                        list.scrollTop = list.scrollHeight;
                        await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                        if (list.scrollHeight - list.scrollTop - list.clientHeight < 2
                            && document.querySelector('[data-testid=message][data-seq="%d"]')) return;
                      }
                    }""".formatted(MESSAGES));
            assertThat(b.locator("[data-testid=message][data-seq='" + MESSAGES + "']")).isInViewport();

            TestChats.send(alice, conversation, live);
            assertThat(b.getByTestId("message").filter(new Locator.FilterOptions().setHasText(live))).isInViewport();
            b.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(shot)));
        }
    }
}
