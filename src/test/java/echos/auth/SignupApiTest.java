package echos.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignupApiTest {

    @Test
    void createsAccountWithNormalizedEmailAndSetsSessionCookie() {
        String email = TestAccounts.uniqueEmail();
        Response response = TestAccounts.signUp("  Grace Hopper ", "  " + email.toUpperCase() + " ", TestAccounts.PASSWORD);

        response.then().statusCode(201)
                .body("user.email", equalTo(email))
                .body("user.fullName", equalTo("Grace Hopper"))
                .body("user.bio", equalTo(""))
                .body("user.id", notNullValue())
                .body("user.createdAt", notNullValue())
                .body("user", not(hasKey("passwordHash")))
                .body("token", notNullValue())
                .header("Set-Cookie", allOf(containsString("jwt="), containsString("HttpOnly"),
                        containsString("SameSite=Lax"), containsString("Path=/"), not(containsString("Secure"))));

        String cookie = response.cookie("jwt");
        given().cookie("jwt", cookie).get("/api/auth/me").then().statusCode(200)
                .body("user.email", equalTo(email))
                .body("user.createdAt", equalTo(response.path("user.createdAt")));
    }

    @Test
    void refusesAnEmailAlreadyTakenInAnyCase() {
        TestAccounts.Account existing = TestAccounts.signUp();
        TestAccounts.signUp("Someone Else", existing.email().toUpperCase(), TestAccounts.PASSWORD)
                .then().statusCode(409)
                .body("error.code", equalTo("email_taken"))
                .body("error.fields.email", notNullValue());
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        TestAccounts.signUp(" ", "not-an-email", "short")
                .then().statusCode(400)
                .body("error.code", equalTo("validation_failed"))
                .body("error.fields.fullName", notNullValue())
                .body("error.fields.email", notNullValue())
                .body("error.fields.password", notNullValue());
    }

    @Test
    void enforcesPasswordLengthBoundsOf8To128() {
        TestAccounts.signUp("A", TestAccounts.uniqueEmail(), "1234567").then().statusCode(400).body("error.fields.password", notNullValue());
        TestAccounts.signUp("A", TestAccounts.uniqueEmail(), "x".repeat(129)).then().statusCode(400).body("error.fields.password", notNullValue());
        TestAccounts.signUp("A", TestAccounts.uniqueEmail(), "12345678").then().statusCode(201);
        String longPasswordEmail = TestAccounts.uniqueEmail();
        String longPassword = "é".repeat(128);
        TestAccounts.signUp("A", longPasswordEmail, longPassword).then().statusCode(201);
        TestAccounts.logIn(longPasswordEmail, longPassword).then().statusCode(200);
        // bcrypt alone reads only 72 bytes; a password differing after them must still be refused
        TestAccounts.logIn(longPasswordEmail, "é".repeat(127) + "e").then().statusCode(401);
    }

    @Test
    void refusesFullNamesThatAreTooLongOrHaveControlCharacters() {
        TestAccounts.signUp("x".repeat(51), TestAccounts.uniqueEmail(), TestAccounts.PASSWORD)
                .then().statusCode(400).body("error.fields.fullName", notNullValue());
        TestAccounts.signUp("Bad\u0007Name", TestAccounts.uniqueEmail(), TestAccounts.PASSWORD)
                .then().statusCode(400).body("error.fields.fullName", notNullValue());
        TestAccounts.signUp("  " + "y".repeat(50) + "  ", TestAccounts.uniqueEmail(), TestAccounts.PASSWORD)
                .then().statusCode(201);
    }

    @Test
    void treatsMissingBodyAsMissingFields() {
        given().contentType(ContentType.JSON).post("/api/auth/signup")
                .then().statusCode(400).body("error.code", equalTo("validation_failed"));
    }

    @Test
    void storesNothingWhenValidationFails() {
        String email = TestAccounts.uniqueEmail();
        TestAccounts.signUp("", email, TestAccounts.PASSWORD).then().statusCode(400);
        TestAccounts.logIn(email, TestAccounts.PASSWORD).then().statusCode(401);
        assertEquals(201, TestAccounts.signUp("Now Valid", email, TestAccounts.PASSWORD).statusCode());
    }
}
