package echos.auth;

import static echos.auth.TestAccounts.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import echos.common.time.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class PasswordResetApiTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @org.junit.jupiter.api.BeforeEach
    void emptyMailboxes() throws Exception {
        mail.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    private static Response forgot(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/auth/forgot-password");
    }

    private static Response reset(String token, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token, "newPassword", password))
                .post("/api/auth/reset-password");
    }

    @Test
    void theMailedLinkResetsThePasswordAndEndsEveryOldSession() throws Exception {
        TestAccounts.Account account = TestAccounts.signUp();
        String body = forgot(account.email().toUpperCase()).then().statusCode(202).extract().asString();

        String token = ResetMails.awaitToken(mail, 1);
        MimeMessage message = mail.getReceivedMessages()[0];
        assertEquals(account.email(), message.getAllRecipients()[0].toString());
        assertTrue(GreenMailUtil.getBody(message).contains("text/html"), "mail has an HTML part");
        assertTrue(token.length() >= 43, "token carries at least 32 random bytes");

        reset(token, "my new password").then().statusCode(204);
        TestAccounts.logIn(account.email(), "my new password").then().statusCode(200);
        TestAccounts.logIn(account.email(), TestAccounts.PASSWORD).then().statusCode(401);
        as(account).get("/api/auth/me").then().statusCode(401);
        given().cookie("jwt", account.token()).get("/api/auth/me").then().statusCode(401);
        reset(token, "another password").then().statusCode(400).body("error.code", equalTo("invalid_token"));

        assertEquals(body, forgot(TestAccounts.uniqueEmail()).then().statusCode(202).extract().asString(),
                "unknown emails get the very same answer");
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAndNoMail() throws Exception {
        forgot(TestAccounts.uniqueEmail()).then().statusCode(202)
                .body("message", equalTo(PasswordResetResource.SENT));
        Thread.sleep(1500);
        assertEquals(0, mail.getReceivedMessages().length);
    }

    @Test
    void anExpiredLinkNoLongerWorks() throws Exception {
        TestAccounts.Account account = TestAccounts.signUp();
        forgot(account.email()).then().statusCode(202);
        String token = ResetMails.awaitToken(mail, 1);
        MovableClock.advance(Duration.ofMinutes(31));
        reset(token, "my new password").then().statusCode(400).body("error.code", equalTo("invalid_token"));
        MovableClock.reset();
        TestAccounts.logIn(account.email(), TestAccounts.PASSWORD).then().statusCode(200);
    }

    @Test
    void aNewLinkReplacesTheOlderOne() throws Exception {
        TestAccounts.Account account = TestAccounts.signUp();
        forgot(account.email()).then().statusCode(202);
        String older = ResetMails.awaitToken(mail, 1);
        forgot(account.email()).then().statusCode(202);
        String newer = ResetMails.awaitToken(mail, 2);
        reset(older, "my new password").then().statusCode(400).body("error.code", equalTo("invalid_token"));
        reset(newer, "my new password").then().statusCode(204);
    }

    @Test
    void refusesWeakPasswordsAndUnknownTokensWithoutUsingTheToken() throws Exception {
        TestAccounts.Account account = TestAccounts.signUp();
        forgot(account.email()).then().statusCode(202);
        String token = ResetMails.awaitToken(mail, 1);
        reset(token, "short").then().statusCode(400).body("error.code", equalTo("validation_failed"));
        reset("not-a-token", "long enough password").then().statusCode(400).body("error.code", equalTo("invalid_token"));
        reset(token, "long enough password").then().statusCode(204);
    }

    @Test
    void limitsMailsPerEmail() {
        String email = TestAccounts.uniqueEmail();
        for (int i = 0; i < 3; i++) {
            forgot(email).then().statusCode(202);
        }
        forgot(email).then().statusCode(429).body("error.code", equalTo("rate_limited"));
        forgot("not an email").then().statusCode(400).body("error.code", equalTo("validation_failed"));
    }
}
