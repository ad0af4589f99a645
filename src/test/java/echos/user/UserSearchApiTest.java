package echos.user;

import static echos.auth.TestAccounts.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserSearchApiTest {

    @ConfigProperty(name = "echos.rate-limit.user-searches-per-minute")
    int perMinute;

    @Test
    void findsByTheWholeEmailInAnyCaseButNotByAPartOfIt() {
        Account me = TestAccounts.signUp();
        Account other = TestAccounts.signUpAs("Searchable " + UUID.randomUUID().toString().substring(0, 6));
        String email = other.email();
        as(me).queryParam("query", email.toUpperCase()).get("/api/users").then().statusCode(200)
                .body("users.id", contains(other.id()));
        for (String part : new String[] {email.substring(0, email.indexOf('@')), email.substring(email.indexOf('@')),
                email.substring(1), email.substring(0, email.length() - 1)}) {
            as(me).queryParam("query", part).get("/api/users").then().statusCode(200).body("users", hasSize(0));
        }
    }

    @Test
    void refusesSearchesBeyondTheAccountsBudgetWithRetryAfter() {
        Account busy = TestAccounts.signUp();
        for (int i = 0; i < perMinute; i++) {
            as(busy).queryParam("query", "probe " + i).get("/api/users").then().statusCode(200);
        }
        Response refused = as(busy).queryParam("query", "one more").get("/api/users");
        refused.then().statusCode(429).body("error.code", equalTo("rate_limited"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        as(TestAccounts.signUp()).queryParam("query", "someone else").get("/api/users").then().statusCode(200);
    }
}
