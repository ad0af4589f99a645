package echos.auth;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SignupRateLimitApiTest.ThreeSignupsPerHour.class)
class SignupRateLimitApiTest {

    public static class ThreeSignupsPerHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("echos.rate-limit.signups-per-ip", "3");
        }
    }

    @Test
    void refusesTheFourthSignupFromOneAddressWithinTheWindow() {
        for (int i = 0; i < 3; i++) {
            TestAccounts.signUp("User " + i, TestAccounts.uniqueEmail(), TestAccounts.PASSWORD).then().statusCode(201);
        }
        TestAccounts.signUp("User 4", TestAccounts.uniqueEmail(), TestAccounts.PASSWORD)
                .then().statusCode(429).body("error.code", equalTo("rate_limited")).header("Retry-After", notNullValue());
    }
}
