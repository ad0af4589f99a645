package echos.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NODE_ENV=production without SMTP_HOST. */
@QuarkusTest
@TestProfile(ProductionModeApiTest.ProductionWithoutSmtp.class)
class ProductionModeApiTest {

    public static class ProductionWithoutSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("echos.node-env", "production", "echos.smtp.host", "");
        }
    }

    @Test
    void marksTheSessionCookieSecure() {
        TestAccounts.signUp("Prod User", TestAccounts.uniqueEmail(), TestAccounts.PASSWORD)
                .then().statusCode(201).header("Set-Cookie", containsString("Secure"));
    }

    @Test
    void answersForgotPasswordWith503WhenNoMailCanBeSent() {
        given().contentType(ContentType.JSON).body(Map.of("email", TestAccounts.uniqueEmail())).post("/api/auth/forgot-password")
                .then().statusCode(503).body("error.code", equalTo("email_unavailable"));
    }
}
