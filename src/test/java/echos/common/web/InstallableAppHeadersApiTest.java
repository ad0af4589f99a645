package echos.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The installable app: the service worker always revalidates, the manifest is served as a manifest with its icons. */
@QuarkusTest
class InstallableAppHeadersApiTest {

    @Test
    void theServiceWorkerIsRevalidatedOnEveryCheckSoUpdatesReachInstalledApps() {
        given().get("/sw.js").then().statusCode(200)
                .header("Cache-Control", equalTo("no-cache"))
                .header("Content-Type", startsWith("text/javascript"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .body(containsString("precacheAndRoute"));
    }

    @Test
    void theManifestIsServedAsAManifestAndEveryIconItNamesIsThere() {
        String body = given().get("/manifest.webmanifest").then().statusCode(200)
                .header("Content-Type", startsWith("application/manifest+json"))
                .header("Cache-Control", equalTo("no-cache"))
                .extract().asString();
        JsonPath manifest = new JsonPath(body);
        assertEquals("/", manifest.getString("start_url"));
        assertEquals("standalone", manifest.getString("display"));
        List<Map<String, String>> icons = manifest.getList("icons");
        assertTrue(icons.stream().anyMatch(i -> "maskable".equals(i.get("purpose"))));
        for (Map<String, String> icon : icons) {
            given().get(icon.get("src")).then().statusCode(200).header("Content-Type", equalTo(icon.get("type")));
        }
    }
}
