package echos.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class RequestBodyApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"email\":", "not json", "[1,2", "{\"email\": {\"nested\": true}, \"password\": []}"})
    void malformedJsonIsA400WithStableCode(String body) {
        given().contentType(ContentType.JSON).body(body).post("/api/auth/login")
                .then().statusCode(400).body("error.code", equalTo("malformed_json"))
                .body(not(containsString("Exception")));
    }

    @Test
    void bodiesOverOneMegabyteAreRefusedWith413() {
        String huge = "{\"fullName\":\"" + "a".repeat(1_100_000) + "\"}";
        given().contentType(ContentType.JSON).body(huge).post("/api/auth/signup")
                .then().statusCode(413).body("error.code", equalTo("payload_too_large"));
    }

    @Test
    void wrongContentTypeIsA415InTheErrorShape() {
        given().contentType(ContentType.TEXT).body("hello").post("/api/auth/login")
                .then().statusCode(415).body("error.code", equalTo("unsupported_media_type"));
    }

    @Test
    void unknownApiPathsAndMethodsAnswerInTheErrorShape() {
        given().get("/api/nothing-here").then().statusCode(404).body("error.code", equalTo("not_found"));
        given().delete("/api/auth/me").then().statusCode(405).body("error.code", equalTo("method_not_allowed"));
    }
}
