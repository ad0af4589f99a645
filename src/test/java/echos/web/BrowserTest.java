package echos.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Cookie;
import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assertions;

/**
 * Base for @QuarkusTest classes that drive the real web UI in headless Chromium. The app runs under its real
 * Content-Security-Policy, and a test fails if the page reports any violation of it.
 */
public abstract class BrowserTest {

    /** Makes every violation visible on the console, whatever Chromium itself logs for it. */
    private static final String REPORT_CSP_VIOLATIONS = "document.addEventListener('securitypolicyviolation', e => "
            + "console.error('Content Security Policy violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI));";

    protected static Chromium chromium;
    private static final List<String> cspViolations = new CopyOnWriteArrayList<>();

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        chromium.close();
    }

    protected String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    /** Signs up someone with this name through the API. */
    protected static Account person(String name) {
        return TestAccounts.signUpAs(name);
    }

    /** What every window of this class opens with; a subclass on a self-signed certificate widens it. */
    protected Browser.NewContextOptions contextOptions(int width, int height) {
        return new Browser.NewContextOptions().setViewportSize(width, height);
    }

    protected BrowserContext browser(int width, int height) {
        BrowserContext context = chromium.browser().newContext(contextOptions(width, height));
        context.addInitScript(REPORT_CSP_VIOLATIONS);
        context.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                cspViolations.add(message.location() + ": " + message.text());
            }
        });
        return context;
    }

    /** The violations reported since the last call, for tests that provoke one on purpose. */
    protected static List<String> takeCspViolations() {
        List<String> taken = new ArrayList<>(cspViolations);
        cspViolations.removeAll(taken);
        return taken;
    }

    @AfterEach
    void failOnContentSecurityPolicyViolations() {
        List<String> violations = takeCspViolations();
        Assertions.assertTrue(violations.isEmpty(), "the page violated its Content-Security-Policy: " + violations);
    }

    /** Opens the chat shell at / and waits for it. */
    protected Page openChat(BrowserContext context) {
        Page page = context.newPage();
        page.navigate(url("/"));
        PlaywrightAssertions.assertThat(page.getByTestId("chat-shell")).isVisible();
        return page;
    }

    /** Starts (or opens) the direct chat with the person of this name through the user search. */
    protected static void startDirectChat(Page page, String name) {
        page.getByTestId("new-chat").click();
        page.getByTestId("user-search-input").fill(name);
        page.getByTestId("user-search-result").filter(new Locator.FilterOptions().setHasText(name)).first().click();
    }

    /** A browser window already logged in as the account (its session cookie set). */
    protected BrowserContext loggedIn(Account account, int width, int height) {
        BrowserContext context = browser(width, height);
        context.addCookies(List.of(new Cookie("jwt", account.token()).setUrl(url("/"))));
        return context;
    }
}
