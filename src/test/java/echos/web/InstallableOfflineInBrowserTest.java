package echos.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Echos installs as an app (a manifest with reachable icons, an active service worker) and, with the network gone,
 * reopens on the last seen conversation from the service worker's cache with a clear offline banner; logging out
 * deletes those caches. At desktop and phone width.
 */
@QuarkusTest
class InstallableOfflineInBrowserTest extends BrowserTest {

    /** Fetches the linked manifest and each icon it names; answers what was found. */
    private static final String CHECK_MANIFEST = "async () => {"
            + " const link = document.querySelector('link[rel=manifest]');"
            + " const res = await fetch(link.href, { cache: 'no-store' });"
            + " const manifest = await res.json();"
            + " const icons = [];"
            + " for (const icon of manifest.icons) {"
            + "   const r = await fetch(new URL(icon.src, link.href), { cache: 'no-store' });"
            + "   icons.push({ src: icon.src, sizes: icon.sizes, purpose: icon.purpose || 'any', status: r.status,"
            + "     type: r.headers.get('content-type'), bytes: (await r.arrayBuffer()).byteLength });"
            + " }"
            + " return { type: res.headers.get('content-type'), name: manifest.name, display: manifest.display,"
            + "   start: manifest.start_url, icons };"
            + "}";

    private static final String CACHE_NAMES = "async () => await caches.keys()";

    @Test
    void atDesktopWidth() {
        installsAndOpensOffline(1280, 800, "pwa-offline-desktop");
    }

    @Test
    void atPhoneWidth() {
        installsAndOpensOffline(375, 800, "pwa-offline-phone");
    }

    @SuppressWarnings("unchecked")
    private void installsAndOpensOffline(int width, int height, String shot) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Account alice = person("Alice " + tag);
        Account bob = person("Bob " + tag);
        String conversation = TestChats.direct(alice, bob);
        TestChats.send(alice, conversation, "seen before going offline " + tag);
        try (BrowserContext context = loggedIn(bob, width, height)) {
            Page page = openChat(context);
            page.waitForFunction("async () => { await navigator.serviceWorker.ready;"
                    + " return navigator.serviceWorker.controller !== null; }");

            Map<String, Object> manifest = (Map<String, Object>) page.evaluate(CHECK_MANIFEST);
            assertTrue(String.valueOf(manifest.get("type")).startsWith("application/manifest+json"), manifest.toString());
            assertEquals("Echos", manifest.get("name"));
            assertEquals("standalone", manifest.get("display"));
            assertEquals("/", manifest.get("start"));
            List<Map<String, Object>> icons = (List<Map<String, Object>>) manifest.get("icons");
            for (String size : List.of("192x192", "512x512")) {
                assertTrue(icons.stream().anyMatch(i -> size.equals(i.get("sizes")) && "image/png".equals(i.get("type"))),
                        "a " + size + " PNG icon: " + icons);
            }
            assertTrue(icons.stream().anyMatch(i -> "maskable".equals(i.get("purpose"))), "a maskable icon: " + icons);
            for (Map<String, Object> icon : icons) {
                assertEquals(200, ((Number) icon.get("status")).intValue(), icon.toString());
                assertTrue(((Number) icon.get("bytes")).intValue() > 100, icon.toString());
            }
            assertThat(page.locator("meta[name=theme-color]")).hasAttribute("content", Pattern.compile("^#"));
            assertThat(page.locator("link[rel=apple-touch-icon]")).hasCount(1);

            // The worker now controls the page: what it loads from here on is saved.
            page.reload();
            page.getByTestId("conversation-item").first().click();
            Locator thread = page.getByTestId("thread");
            assertThat(thread.getByTestId("message")).containsText(new String[] {"seen before going offline " + tag});
            page.waitForFunction("async () => (await (await caches.open('echos-messages')).keys()).length > 0"
                    + " && (await (await caches.open('echos-api')).keys()).length >= 2");
            assertThat(page.getByTestId("connection-banner")).hasCount(0);

            context.setOffline(true);
            // Sent while we are offline: if it shows after the reload, the page did not come from the cache.
            TestChats.send(alice, conversation, "sent while offline " + tag);
            page.reload();
            assertThat(page.getByTestId("chat-shell")).isVisible();
            Locator banner = page.getByTestId("connection-banner");
            assertThat(banner).hasAttribute("data-state", "offline");
            assertThat(banner).containsText("You're offline — showing saved messages");
            assertThat(thread.getByTestId("thread-title")).containsText("Alice " + tag);
            assertThat(thread.getByTestId("message")).containsText(new String[] {"seen before going offline " + tag});
            assertThat(thread.getByTestId("message").filter(new Locator.FilterOptions().setHasText("sent while offline")))
                    .hasCount(0);
            if (width >= 768) {
                assertThat(page.getByTestId("conversation-item")).hasCount(1);
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(shot)));

            context.setOffline(false);
            assertThat(banner).hasCount(0);
            assertThat(thread.getByTestId("message").filter(new Locator.FilterOptions().setHasText("sent while offline " + tag)))
                    .hasCount(1);

            page.navigate(url("/"));
            page.getByTestId("user-menu").click();
            page.getByTestId("menu-logout").click();
            assertThat(page).hasURL(Pattern.compile("/login$"));
            List<String> caches = (List<String>) page.evaluate(CACHE_NAMES);
            for (String userData : List.of("echos-api", "echos-messages", "echos-images")) {
                assertFalse(caches.contains(userData), userData + " left after logout: " + caches);
            }
            assertTrue(caches.stream().anyMatch(name -> name.startsWith("workbox-precache")), "the app shell stays: " + caches);
        }
    }
}
