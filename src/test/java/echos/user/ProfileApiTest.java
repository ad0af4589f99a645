package echos.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import echos.auth.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProfileApiTest {

    private static io.restassured.specification.RequestSpecification as(TestAccounts.Account account) {
        return given().header("Authorization", "Bearer " + account.token()).contentType(ContentType.JSON);
    }

    @Test
    void updatesNameAndBioAndKeepsThem() {
        TestAccounts.Account account = TestAccounts.signUp();
        as(account).body(Map.of("fullName", "  Katherine Johnson ", "bio", "Orbital mechanics\r\nNASA"))
                .patch("/api/users/me").then().statusCode(200)
                .body("user.fullName", equalTo("Katherine Johnson"))
                .body("user.bio", equalTo("Orbital mechanics\nNASA"))
                .body("user.email", equalTo(account.email()));
        as(account).get("/api/auth/me").then().statusCode(200)
                .body("user.fullName", equalTo("Katherine Johnson"))
                .body("user.bio", equalTo("Orbital mechanics\nNASA"));
    }

    @Test
    void leavesFieldsThatAreNotSentUnchanged() {
        TestAccounts.Account account = TestAccounts.signUp();
        as(account).body(Map.of("bio", "first")).patch("/api/users/me").then().statusCode(200);
        as(account).body(Map.of("fullName", "Renamed")).patch("/api/users/me").then().statusCode(200)
                .body("user.bio", equalTo("first"));
    }

    @Test
    void refusesTooLongBioAndBadNameWithoutChangingAnything() {
        TestAccounts.Account account = TestAccounts.signUp();
        as(account).body(Map.of("fullName", "Valid Name", "bio", "b".repeat(201))).patch("/api/users/me")
                .then().statusCode(400).body("error.code", equalTo("validation_failed"))
                .body("error.fields.bio", notNullValue());
        Map<String, Object> blankName = new HashMap<>();
        blankName.put("fullName", "   ");
        as(account).body(blankName).patch("/api/users/me")
                .then().statusCode(400).body("error.fields.fullName", notNullValue());
        as(account).get("/api/auth/me").then().body("user.fullName", equalTo("Test User")).body("user.bio", equalTo(""));
        as(account).body(Map.of("bio", "b".repeat(200))).patch("/api/users/me").then().statusCode(200);
    }

    @Test
    void showsOnlineByDefaultAndRemembersTheSwitch() {
        TestAccounts.Account account = TestAccounts.signUp();
        as(account).get("/api/auth/me").then().statusCode(200).body("user.showOnline", equalTo(true));
        as(account).body(Map.of("showOnline", false)).patch("/api/users/me").then().statusCode(200)
                .body("user.showOnline", equalTo(false)).body("user.fullName", equalTo("Test User"));
        as(account).get("/api/auth/me").then().body("user.showOnline", equalTo(false));
        as(account).body(Map.of("bio", "still hidden")).patch("/api/users/me").then().statusCode(200)
                .body("user.showOnline", equalTo(false));
        as(account).body(Map.of("showOnline", true)).patch("/api/users/me").then().statusCode(200)
                .body("user.showOnline", equalTo(true));
    }

    @Test
    void refusesAShowOnlineThatIsNotABoolean() {
        TestAccounts.Account account = TestAccounts.signUp();
        as(account).body("{\"showOnline\": \"maybe\"}").patch("/api/users/me").then().statusCode(400);
        as(account).body("{\"showOnline\": {}}").patch("/api/users/me").then().statusCode(400);
        as(account).get("/api/auth/me").then().body("user.showOnline", equalTo(true));
    }

    @Test
    void requiresASession() {
        given().contentType(ContentType.JSON).body(Map.of("bio", "x")).patch("/api/users/me")
                .then().statusCode(401).body("error.code", equalTo("unauthenticated"));
    }
}
