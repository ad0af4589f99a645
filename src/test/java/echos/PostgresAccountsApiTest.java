package echos;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import echos.auth.TestAccounts;
import echos.storage.OnPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole accounts flow with DATABASE_URL pointing at the real PostgreSQL, in a schema of its own. */
@QuarkusTest
@TestProfile(OnPostgres.class)
class PostgresAccountsApiTest {

    @Test
    void runsSignupLoginProfileAndLogoutOnPostgres() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("<default>"));
        TestAccounts.Account account = TestAccounts.signUp();
        TestAccounts.signUp("Dup", account.email().toUpperCase(), TestAccounts.PASSWORD).then().statusCode(409)
                .body("error.code", equalTo("email_taken"));
        String token = TestAccounts.logIn(account.email(), TestAccounts.PASSWORD).then().statusCode(200).extract().path("token");
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(Map.of("bio", "on postgres"))
                .patch("/api/users/me").then().statusCode(200).body("user.bio", equalTo("on postgres"));
        given().header("Authorization", "Bearer " + token).post("/api/auth/logout").then().statusCode(204);
        given().header("Authorization", "Bearer " + token).get("/api/auth/me").then().statusCode(401);
        given().header("Authorization", "Bearer " + account.token()).get("/api/auth/me").then().statusCode(200)
                .body("user.bio", equalTo("on postgres"));
    }
}
