package echos.auth;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Creates accounts through the real HTTP API for tests. */
public final class TestAccounts {

    public static final String PASSWORD = "correct horse battery";

    private TestAccounts() {
    }

    /** A signed-up account: its id, email, and the token of the session signup started. */
    public record Account(String id, String email, String token) {
    }

    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    public static Response signUp(String fullName, String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("fullName", fullName, "email", email, "password", password))
                .post("/api/auth/signup");
    }

    public static Account signUp() {
        return signUpAs("Test User");
    }

    /** Signs up someone with this name and a fresh email. */
    public static Account signUpAs(String fullName) {
        String email = uniqueEmail();
        Response response = signUp(fullName, email, PASSWORD);
        response.then().statusCode(201);
        return new Account(response.path("user.id"), email, response.path("token"));
    }

    /** A request authenticated as the account, with a JSON body type. */
    public static RequestSpecification as(Account account) {
        return given().header("Authorization", "Bearer " + account.token()).contentType(ContentType.JSON);
    }

    public static Response logIn(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password)).post("/api/auth/login");
    }
}
