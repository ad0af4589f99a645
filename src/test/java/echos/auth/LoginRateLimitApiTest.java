package echos.auth;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginRateLimitApiTest {

    @Test
    void blocksAnEmailAfterTenFailedLoginsEvenWithTheRightPassword() {
        TestAccounts.Account account = TestAccounts.signUp();
        for (int i = 0; i < 10; i++) {
            TestAccounts.logIn(account.email(), "wrong password " + i).then().statusCode(401);
        }
        var blocked = TestAccounts.logIn(account.email(), TestAccounts.PASSWORD);
        blocked.then().statusCode(429)
                .body("error.code", equalTo("rate_limited"))
                .header("Retry-After", notNullValue());
        long retryAfter = Long.parseLong(blocked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After was " + retryAfter);
    }

    @Test
    void successfulLoginResetsTheFailureCount() {
        TestAccounts.Account account = TestAccounts.signUp();
        for (int i = 0; i < 9; i++) {
            TestAccounts.logIn(account.email(), "wrong password " + i).then().statusCode(401);
        }
        TestAccounts.logIn(account.email(), TestAccounts.PASSWORD).then().statusCode(200);
        for (int i = 0; i < 9; i++) {
            TestAccounts.logIn(account.email(), "wrong password " + i).then().statusCode(401);
        }
        TestAccounts.logIn(account.email(), TestAccounts.PASSWORD).then().statusCode(200);
    }
}
