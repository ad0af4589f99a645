package echos.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The web app served by Echos itself over https, with a self-signed certificate made for this run. */
@QuarkusTest
@TestProfile(ChatOverHttpsInBrowserTest.ServedOverHttps.class)
class ChatOverHttpsInBrowserTest extends BrowserTest {

    public static class ServedOverHttps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path dir = selfSignedCertificate();
            return Map.of("quarkus.tls.key-store.pem.main.cert", dir.resolve("cert.pem").toString(),
                    "quarkus.tls.key-store.pem.main.key", dir.resolve("key.pem").toString(),
                    "echos.tls.cert-file", dir.resolve("cert.pem").toString(),
                    // the test's own API helpers still speak plain HTTP; redirect/disabled are tested in TlsNodeClusterIT
                    "quarkus.http.insecure-requests", "enabled");
        }
    }

    static Path selfSignedCertificate() {
        try {
            Path dir = Files.createTempDirectory("echos-browser-tls");
            Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                    dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString(), "-days", "1", "-subj",
                    "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1").redirectErrorStream(true).start();
            if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
                throw new IllegalStateException("openssl failed: " + new String(openssl.getInputStream().readAllBytes()));
            }
            return dir;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate (is openssl installed?)", e);
        }
    }

    @TestHTTPResource(value = "/", tls = true)
    URL secureRoot;

    @Override
    protected String url(String path) {
        return secureRoot.toString().replaceAll("/$", "") + path;
    }

    @Override
    protected Browser.NewContextOptions contextOptions(int width, int height) {
        return super.contextOptions(width, height).setIgnoreHTTPSErrors(true);
    }

    @Test
    void signUpOverHttpsGetsASecureCookieAndChatsLiveOverWss() {
        assertTrue(url("/").startsWith("https://"), url("/"));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Account bob = TestAccounts.signUpAs("Bob " + tag);
        try (BrowserContext aliceContext = browser(1280, 800); BrowserContext bobContext = loggedIn(bob, 1280, 800)) {
            List<String> sockets = new CopyOnWriteArrayList<>();
            Page a = aliceContext.newPage();
            a.onWebSocket(ws -> sockets.add(ws.url()));
            Response first = a.navigate(url("/"));
            assertEquals("max-age=15552000", first.headers().get("strict-transport-security"));

            a.navigate(url("/signup"));
            a.getByTestId("signup-fullName").fill("Alice " + tag);
            a.getByTestId("signup-email").fill("alice-" + tag + "@example.com");
            a.getByTestId("signup-password").fill(TestAccounts.PASSWORD);
            a.getByTestId("signup-submit").click();
            assertThat(a.getByTestId("chat-shell")).isVisible();
            Cookie session = aliceContext.cookies(url("/")).stream().filter(c -> c.name.equals("jwt")).findFirst().orElseThrow();
            assertTrue(session.secure, "the session cookie set over https is Secure");
            assertTrue(session.httpOnly, "and HttpOnly");

            Page b = openChat(bobContext);
            startDirectChat(a, "Bob " + tag);
            a.getByTestId("composer-input").fill("Over TLS, Bob");
            a.getByTestId("composer-input").press("Enter");

            b.getByTestId("conversation-item").filter(new Locator.FilterOptions().setHasText("Alice " + tag)).click();
            assertThat(b.getByTestId("message-text").filter(new Locator.FilterOptions().setHasText("Over TLS, Bob"))).isVisible();
            b.getByTestId("composer-input").fill("Encrypted hello back");
            b.getByTestId("composer-input").press("Enter");
            assertThat(a.getByTestId("message-text").filter(new Locator.FilterOptions().setHasText("Encrypted hello back"))).isVisible();
            a.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("60-chat-over-https")));

            assertTrue(!sockets.isEmpty() && sockets.stream().allMatch(u -> u.startsWith("wss://")), "the live socket is wss: " + sockets);
        }
    }
}
