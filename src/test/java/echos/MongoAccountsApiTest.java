package echos;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import echos.auth.TestAccounts;
import echos.storage.OnMongo;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole accounts flow with MONGO_URI set (against the mongo-java-server stand-in); no SQL pool is used. */
@QuarkusTest
@TestProfile(OnMongo.class)
class MongoAccountsApiTest {

    @Test
    void runsSignupLoginProfileAndLogoutOnMongo() {
        given().get("/q/health/ready").then().statusCode(200);
        TestAccounts.Account account = TestAccounts.signUp();
        TestAccounts.signUp("Dup", account.email().toUpperCase(), TestAccounts.PASSWORD).then().statusCode(409)
                .body("error.code", equalTo("email_taken"));
        String token = TestAccounts.logIn(account.email(), TestAccounts.PASSWORD).then().statusCode(200).extract().path("token");
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(Map.of("bio", "on mongo"))
                .patch("/api/users/me").then().statusCode(200).body("user.bio", equalTo("on mongo"));
        given().header("Authorization", "Bearer " + token).post("/api/auth/logout").then().statusCode(204);
        given().header("Authorization", "Bearer " + token).get("/api/auth/me").then().statusCode(401);
        given().header("Authorization", "Bearer " + account.token()).get("/api/auth/me").then().statusCode(200)
                .body("user.bio", equalTo("on mongo"));
    }

    @Test
    void aUserChattyStoredLogsInWithTheirOldPasswordAndKeepsTheirId() {
        String token = TestAccounts.logIn(OnMongo.CHATTY_EMAIL.toLowerCase(), OnMongo.CHATTY_PASSWORD).then().statusCode(200)
                .extract().path("token");
        given().header("Authorization", "Bearer " + token).get("/api/auth/me").then().statusCode(200)
                .body("user.id", equalTo(OnMongo.CHATTY_ID)).body("user.fullName", equalTo("Chatty User"))
                .body("user.email", equalTo(OnMongo.CHATTY_EMAIL));
        TestAccounts.logIn(OnMongo.CHATTY_EMAIL, "not the password").then().statusCode(401);
    }

    @Test
    void opensNoSqliteDatabase() throws Exception {
        TestAccounts.signUp();
        try (var files = Files.list(OnMongo.DATA_DIR)) {
            java.util.List<String> names = files.map(p -> p.getFileName().toString()).toList();
            org.junit.jupiter.api.Assertions.assertTrue(names.stream().noneMatch(n -> n.startsWith("echos.db")),
                    "no SQLite file in DATA_DIR on MongoDB: " + names);
        }
    }
}
