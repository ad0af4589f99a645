package echos.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OriginGuardApiTest {

    @TestHTTPResource("/")
    URL self;

    private String ownOrigin() {
        return self.getProtocol() + "://" + self.getHost() + ":" + self.getPort();
    }

    @Test
    void refusesCookieAuthenticatedChangesFromAForeignOrigin() {
        TestAccounts.Account account = TestAccounts.signUp();
        given().cookie("jwt", account.token()).header("Origin", "https://evil.example").contentType(ContentType.JSON)
                .body(Map.of("bio", "pwned")).patch("/api/users/me")
                .then().statusCode(403).body("error.code", equalTo("bad_origin"));
        given().cookie("jwt", account.token()).get("/api/auth/me").then().statusCode(200).body("user.bio", equalTo(""));
    }

    @Test
    void acceptsCookieAuthenticatedChangesFromOwnOrigin() {
        TestAccounts.Account account = TestAccounts.signUp();
        given().cookie("jwt", account.token()).header("Origin", ownOrigin()).contentType(ContentType.JSON)
                .body(Map.of("bio", "hello")).patch("/api/users/me")
                .then().statusCode(200).body("user.bio", equalTo("hello"));
    }

    @Test
    void acceptsOriginsListedInAllowedOrigins() {
        TestAccounts.Account account = TestAccounts.signUp();
        given().cookie("jwt", account.token()).header("Origin", "http://localhost:5173").contentType(ContentType.JSON)
                .body(Map.of("bio", "from vite")).patch("/api/users/me")
                .then().statusCode(200);
    }

    @Test
    void refusesLoginFromAForeignOrigin() {
        TestAccounts.Account account = TestAccounts.signUp();
        given().header("Origin", "https://evil.example").contentType(ContentType.JSON)
                .body(Map.of("email", account.email(), "password", TestAccounts.PASSWORD)).post("/api/auth/login")
                .then().statusCode(403).body("error.code", equalTo("bad_origin"));
    }

    @Test
    void letsBearerClientsWithoutCookieThroughAndReadsAreNeverBlocked() {
        TestAccounts.Account account = TestAccounts.signUp();
        given().header("Authorization", "Bearer " + account.token()).header("Origin", "https://other.example")
                .contentType(ContentType.JSON).body(Map.of("bio", "api client")).patch("/api/users/me")
                .then().statusCode(200);
        given().cookie("jwt", account.token()).header("Origin", "https://evil.example").get("/api/auth/me")
                .then().statusCode(200);
    }
}
