package echos.conversation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import echos.auth.TestAccounts.Account;
import echos.web.BrowserTest;
import echos.web.Chromium;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Desktop notifications pop up for live messages in conversations not in view, not for a conversation muted from the
 * thread header, which also drops out of the tab title's count; a click on a notification opens its conversation.
 */
@QuarkusTest
class MuteAndNotificationsInBrowserTest extends BrowserTest {

    /** Wraps window.Notification so the test sees every notification shown; the real one is still called. */
    private static final String RECORD_NOTIFICATIONS = """
            (() => {
              const Real = window.Notification;
              if (!Real) return;
              window.__notifications = [];
              class Recording extends Real {
                constructor(title, options) {
                  window.__notifications.push({ title, body: options && options.body, tag: options && options.tag });
                  super(title, options);
                  window.__notifications[window.__notifications.length - 1].shown = this;
                }
              }
              window.Notification = Recording;
            })();
            """;

    @Test
    void atDesktopWidth() {
        notifiesOutsideViewAndNotWhenMuted(1280, 800, "70-mute-notify-desktop");
    }

    @Test
    void atPhoneWidth() {
        notifiesOutsideViewAndNotWhenMuted(375, 800, "71-mute-notify-phone");
    }

    private void notifiesOutsideViewAndNotWhenMuted(int width, int height, String shot) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Account alice = person("Alice " + tag);
        Account bob = person("Bob " + tag);
        Account carol = person("Carol " + tag);
        String direct = TestChats.direct(alice, bob);
        String group = TestChats.group(carol, "Crew " + tag, bob);

        try (BrowserContext context = loggedIn(bob, width, height)) {
            context.grantPermissions(List.of("notifications"));
            context.addInitScript(RECORD_NOTIFICATIONS);
            Page b = context.newPage();

            // Nothing is shown until the switch is on.
            b.navigate(url("/settings"));
            Locator toggle = b.getByTestId("notifications-switch");
            assertThat(toggle).not().isChecked();
            TestChats.send(carol, group, "before the switch");
            toggle.click();
            assertThat(toggle).isChecked();
            b.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(shot + "-settings")));

            b.navigate(url("/"));
            assertThat(b.getByTestId("conversation-item")).hasCount(2);
            assertThat(b).hasTitle("(1) Echos");
            assertEquals(0, shown(b).size(), "nothing for a message from before the page loaded");

            // A live message in a conversation not open: a notification, tagged with the conversation.
            TestChats.send(alice, direct, "are you free at noon?");
            waitForNotifications(b, 1);
            Map<String, Object> first = shown(b).get(0);
            assertEquals("Alice " + tag, first.get("title"));
            assertEquals("are you free at noon?", first.get("body"));
            assertEquals(direct, first.get("tag"));
            assertThat(b).hasTitle("(2) Echos");

            // Mute the direct chat from its header, for 8 hours.
            item(b, direct).click();
            b.getByTestId("mute-button").click();
            assertThat(b.getByTestId("mute-menu")).isVisible();
            b.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(shot + "-menu")));
            b.getByTestId("mute-8h").click();
            assertThat(b.getByTestId("mute-button")).hasAttribute("data-muted", "true");
            if (width < 768) {
                b.getByTestId("thread-back").click();
            }
            assertThat(item(b, direct).getByTestId("muted-icon")).isVisible();

            // The open group is in view: no notification; then Alice writes in the muted chat: none either.
            item(b, group).click();
            assertThat(b.getByTestId("thread-title")).hasText("Crew " + tag);
            assertThat(b).hasTitle("Echos");
            TestChats.send(carol, group, "seen it, in view");
            assertThat(b.getByTestId("message").filter(new Locator.FilterOptions().setHasText("seen it, in view")))
                    .hasCount(1);
            TestChats.send(alice, direct, "muted one");
            if (width < 768) {
                b.getByTestId("thread-back").click();
            }
            assertThat(item(b, direct).getByTestId("unread-badge")).hasText("1");
            assertThat(item(b, direct)).containsText("muted one");
            // The muted chat keeps its own count but the tab title leaves it out.
            assertThat(b).hasTitle("Echos");
            b.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(shot + "-muted")));

            // Away from the group now, Carol's next message pops up (so the silence above was the mute).
            item(b, direct).click();
            assertThat(b.getByTestId("thread-title")).hasText("Alice " + tag);
            TestChats.send(carol, group, "lunch is ready");
            waitForNotifications(b, 2);
            List<Map<String, Object>> all = shown(b);
            assertEquals(2, all.size(), "no notification for the muted conversation: " + all);
            assertEquals("Crew " + tag, all.get(1).get("title"));
            assertEquals("Carol: lunch is ready", all.get(1).get("body"));
            assertEquals(group, all.get(1).get("tag"));
            assertThat(b).hasTitle("(1) Echos");
            b.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(shot)));

            // A click on the notification opens its conversation.
            Object clicked = b.evaluate("() => { const n = window.__notifications[1].shown;"
                    + " if (!n || !n.onclick) return false; n.onclick(new Event('click')); return true; }");
            assertEquals(Boolean.TRUE, clicked, "the real Notification was created and has a click handler");
            assertThat(b).hasURL(Pattern.compile(".*/c/" + group + "$"));
            assertThat(b.getByTestId("thread-title")).hasText("Crew " + tag);
            b.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(shot + "-opened")));
        }
    }

    private static Locator item(Page page, String conversationId) {
        return page.locator("[data-testid=conversation-item][data-conversation-id='" + conversationId + "']");
    }

    private static void waitForNotifications(Page page, int count) {
        page.waitForFunction("n => (window.__notifications || []).length >= n", count);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> shown(Page page) {
        Object list = page.evaluate("() => (window.__notifications || []).map(n => ({ title: n.title, body: n.body, tag: n.tag }))");
        assertTrue(list instanceof List, "notifications recorded");
        return (List<Map<String, Object>>) list;
    }
}
