package echos.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionRevocationApiTest {

    @Test
    void logoutClearsTheCookieAndRevokesTheTokenForCookieAndBearer() {
        TestAccounts.Account account = TestAccounts.signUp();
        given().cookie("jwt", account.token()).post("/api/auth/logout")
                .then().statusCode(204).header("Set-Cookie", containsString("Max-Age=0"));

        given().cookie("jwt", account.token()).get("/api/auth/me").then().statusCode(401).body("error.code", equalTo("unauthenticated"));
        given().header("Authorization", "Bearer " + account.token()).get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void logoutOfOneSessionKeepsTheOthers() {
        TestAccounts.Account account = TestAccounts.signUp();
        String second = TestAccounts.logIn(account.email(), TestAccounts.PASSWORD).path("token");
        given().header("Authorization", "Bearer " + second).post("/api/auth/logout").then().statusCode(204);
        given().header("Authorization", "Bearer " + account.token()).get("/api/auth/me").then().statusCode(200);
        given().header("Authorization", "Bearer " + second).get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void logoutWithoutAValidSessionStillClearsTheCookie() {
        given().cookie("jwt", "stale").post("/api/auth/logout")
                .then().statusCode(204).header("Set-Cookie", containsString("Max-Age=0"));
    }

    @Test
    void passwordChangeRevokesOtherSessionsAndKeepsTheCurrentOne() {
        TestAccounts.Account account = TestAccounts.signUp();
        String other = TestAccounts.logIn(account.email(), TestAccounts.PASSWORD).path("token");

        given().header("Authorization", "Bearer " + account.token()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword", "a brand new secret"))
                .put("/api/auth/password").then().statusCode(204);

        given().header("Authorization", "Bearer " + account.token()).get("/api/auth/me").then().statusCode(200);
        given().header("Authorization", "Bearer " + other).get("/api/auth/me").then().statusCode(401);
        TestAccounts.logIn(account.email(), TestAccounts.PASSWORD).then().statusCode(401);
        TestAccounts.logIn(account.email(), "a brand new secret").then().statusCode(200);
    }

    @Test
    void passwordChangeNeedsTheRightCurrentPasswordAndAValidNewOne() {
        TestAccounts.Account account = TestAccounts.signUp();
        given().header("Authorization", "Bearer " + account.token()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "not the password", "newPassword", "a brand new secret"))
                .put("/api/auth/password").then().statusCode(401)
                .body("error.code", equalTo("invalid_credentials"))
                .body("error.fields.currentPassword", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", "Bearer " + account.token()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword", "short"))
                .put("/api/auth/password").then().statusCode(400)
                .body("error.code", equalTo("validation_failed"))
                .body("error.fields.newPassword", org.hamcrest.Matchers.notNullValue());
        TestAccounts.logIn(account.email(), TestAccounts.PASSWORD).then().statusCode(200);
    }

    @Test
    void passwordChangeRequiresASession() {
        given().contentType(ContentType.JSON).body(Map.of("currentPassword", "x", "newPassword", "yyyyyyyy"))
                .put("/api/auth/password").then().statusCode(401).body("error.code", equalTo("unauthenticated"));
    }
}
