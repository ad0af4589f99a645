package echos.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityHeadersApiTest {

    @Test
    void thePageAndItsClientRoutesCarryAStrictPolicyAndAreNeverCachedStale() {
        for (String path : new String[] {"/", "/login", "/profile", "/index.html"}) {
            Response page = given().get(path).then().statusCode(200).extract().response();
            String csp = page.header("Content-Security-Policy");
            assertThat(path, csp, allOf(containsString("script-src 'self';"), containsString("style-src 'self';"),
                    containsString("frame-ancestors 'none'"), containsString("object-src 'none'"),
                    containsString("img-src 'self' data: blob:")));
            assertThat(path, csp, allOf(not(containsString("unsafe-inline")), not(containsString("unsafe-eval")),
                    not(containsString("*"))));
            assertThat(path, page.header("X-Frame-Options"), equalTo("DENY"));
            assertThat(path, page.header("Referrer-Policy"), equalTo("same-origin"));
            assertThat(path, page.header("X-Content-Type-Options"), equalTo("nosniff"));
            assertThat(path, page.header("Cache-Control"), equalTo("no-cache"));
            assertThat(path, page.header("Strict-Transport-Security"), equalTo(null));
        }
    }

    @Test
    void plainHttpNeverSendsHstsEvenWhenAnUntrustedPeerClaimsHttps() {
        // TRUST_PROXY is off here, so the forwarded scheme is ignored; over real https the header is sent
        // (ChatOverHttpsInBrowserTest, TlsNodeClusterIT)
        Response page = given().header("X-Forwarded-Proto", "https").header("Forwarded", "proto=https").get("/").then().statusCode(200)
                .extract().response();
        assertThat(page.header("Strict-Transport-Security"), equalTo(null));
    }

    @Test
    void hashedAssetsStayImmutableWhileUnhashedFilesAreRevalidated() {
        String index = given().get("/").then().statusCode(200).extract().asString();
        Matcher asset = Pattern.compile("/assets/[^\"']+\\.js").matcher(index);
        assertTrue(asset.find(), "index.html references a hashed script");
        given().get(asset.group()).then().statusCode(200)
                .header("Cache-Control", containsString("immutable"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        given().get("/theme-init.js").then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
    }

    @Test
    void apiAnswersAreNotSniffedOrFramedEither() {
        given().get("/api/auth/me").then().statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void imagesFromCloudinaryAndConfiguredHostsAreAllowedOnlyWhenConfigured() {
        assertThat(SecurityHeaders.policy(false, ""), not(containsString("cloudinary")));
        assertThat(SecurityHeaders.policy(true, ""), containsString("img-src 'self' data: blob: https://res.cloudinary.com;"));
        assertThat(SecurityHeaders.policy(false, "https://img.example.com, https://cdn.example.com"),
                containsString("img-src 'self' data: blob: https://img.example.com https://cdn.example.com;"));
    }
}
