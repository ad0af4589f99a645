package echos.common.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Frame;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import echos.web.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real Content-Security-Policy in Chromium: injected script does not run, and no other site can frame the app. */
@QuarkusTest
class SecurityHeadersInBrowserTest extends BrowserTest {

    @Test
    void anInjectedInlineScriptIsBlockedAndReportedAsAViolation() {
        try (BrowserContext context = browser(1024, 700)) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            assertThat(page.getByTestId("login-email")).isVisible();
            assertTrue(takeCspViolations().isEmpty(), "the login page itself runs under the policy without a violation");

            Object ran = page.evaluate("() => { const s = document.createElement('script');"
                    + " s.textContent = 'window.injected = 42'; document.head.appendChild(s); return window.injected ?? null; }");
            assertEquals(null, ran, "an inline script must not run");
            page.waitForTimeout(500);
            List<String> violations = takeCspViolations();
            assertFalse(violations.isEmpty(), "the blocked script is reported, so any violation fails a browser test");
        }
    }

    @Test
    void swaggerUiStillWorksUnderItsOwnPolicy() {
        try (BrowserContext context = browser(1024, 700)) {
            Page page = context.newPage();
            page.navigate(url("/q/swagger-ui/"));
            assertThat(page.locator(".swagger-ui .info .title").first()).isVisible();
            assertThat(page.getByText("/api/auth/signup").first()).isVisible();
        }
    }

    /** The framing page comes from a second origin on loopback (a JDK HTTP server), as a hostile site would. */
    @Test
    void anotherSiteCannotFrameTheApp() throws IOException {
        byte[] framer = ("<iframe id='victim' src='" + url("/login") + "' width='600' height='400'></iframe>").getBytes(StandardCharsets.UTF_8);
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, framer.length);
            exchange.getResponseBody().write(framer);
            exchange.close();
        });
        site.start();
        try (BrowserContext context = browser(1024, 700)) {
            Page page = context.newPage();
            page.navigate("http://127.0.0.1:" + site.getAddress().getPort() + "/");
            page.waitForCondition(() -> page.frames().size() > 1);
            Frame frame = page.frames().stream().filter(f -> f != page.mainFrame()).findFirst().orElseThrow();
            page.waitForTimeout(3000);
            assertEquals(0, frame.locator("[data-testid=login-email]").count(), "the login form must not render inside a frame");
            takeCspViolations();
        } finally {
            site.stop(0);
        }
    }
}
