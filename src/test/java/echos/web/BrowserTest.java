package echos.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.Cookie;
import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base for @QuarkusTest classes that drive the real web UI in headless Chromium. */
public abstract class BrowserTest {

    protected static Chromium chromium;

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

    protected BrowserContext browser(int width, int height) {
        return chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(width, height));
    }

    /** A browser window already logged in as the account (its session cookie set). */
    protected BrowserContext loggedIn(Account account, int width, int height) {
        BrowserContext context = browser(width, height);
        context.addCookies(List.of(new Cookie("jwt", account.token()).setUrl(url("/"))));
        return context;
    }
}
