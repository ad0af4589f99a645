package echos.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginApiTest {

    @Test
    void logsInWithEmailInAnyCaseAndReturnsUserTokenAndCookie() {
        TestAccounts.Account account = TestAccounts.signUp();
        var response = TestAccounts.logIn(" " + account.email().toUpperCase(), TestAccounts.PASSWORD);
        response.then().statusCode(200)
                .body("user.id", equalTo(account.id()))
                .body("token", notNullValue())
                .cookie("jwt", notNullValue());
        given().header("Authorization", "Bearer " + response.path("token")).get("/api/auth/me")
                .then().statusCode(200).body("user.id", equalTo(account.id()));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        TestAccounts.Account account = TestAccounts.signUp();
        var wrongPassword = TestAccounts.logIn(account.email(), "wrong password!");
        var unknownEmail = TestAccounts.logIn(TestAccounts.uniqueEmail(), "wrong password!");
        wrongPassword.then().statusCode(401).body("error.code", equalTo("invalid_credentials"));
        unknownEmail.then().statusCode(401).body("error.code", equalTo("invalid_credentials"));
        assertTrue(wrongPassword.asString().equals(unknownEmail.asString()));
    }

    @Test
    void unknownEmailTakesAboutAsLongAsWrongPassword() {
        TestAccounts.Account account = TestAccounts.signUp();
        List<Long> wrong = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            wrong.add(timeMillis(() -> TestAccounts.logIn(account.email(), "wrong password!").then().statusCode(401)));
            unknown.add(timeMillis(() -> TestAccounts.logIn(TestAccounts.uniqueEmail(), "wrong password!").then().statusCode(401)));
        }
        double ratio = (double) median(unknown) / median(wrong);
        // Without the dummy bcrypt check an unknown email answers in ~1 ms against ~50+ ms: a ratio near 0.
        assertTrue(ratio > 0.33 && ratio < 3.0, "unknown/wrong median time ratio was " + ratio + " " + unknown + " " + wrong);
    }

    @Test
    void meWithoutTokenIsUnauthenticated() {
        given().get("/api/auth/me").then().statusCode(401).body("error.code", equalTo("unauthenticated"));
        given().header("Authorization", "Bearer not.a.jwt").get("/api/auth/me")
                .then().statusCode(401).body("error.code", equalTo("unauthenticated"));
        given().cookie("jwt", "garbage").get("/api/auth/me")
                .then().statusCode(401).body("error.code", equalTo("unauthenticated"));
    }

    private static long timeMillis(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return Math.max(1, sorted.get(sorted.size() / 2));
    }
}
