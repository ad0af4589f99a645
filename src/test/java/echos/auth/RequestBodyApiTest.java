package echos.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
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

    /** A JSON endpoint, and one of its fields that must be a string (or, for read, a number). */
    private record Endpoint(String method, String path, String field, boolean signedIn) {
    }

    private static final List<String> NOT_AN_OBJECT = List.of("null", " null ", "[]", "[{}]", "\"text\"", "42", "4.2", "true");
    private static final List<String> NOT_A_STRING = List.of("42", "4.2", "true", "{}", "{\"a\":\"b\"}", "[]", "[\"x\"]");

    private static List<Endpoint> everyJsonEndpoint(Account owner, Account other) {
        String group = TestChats.group(owner, "Shapes", other);
        long seq = TestChats.send(owner, group, "first");
        String messageId = TestAccounts.as(owner).get("/api/conversations/" + group + "/messages").then().statusCode(200)
                .extract().path("messages[0].id");
        assertEquals(1L, seq);
        String c = "/api/conversations/" + group;
        return List.of(
                new Endpoint("POST", "/api/auth/signup", "fullName", false),
                new Endpoint("POST", "/api/auth/login", "email", false),
                new Endpoint("POST", "/api/auth/forgot-password", "email", false),
                new Endpoint("POST", "/api/auth/reset-password", "token", false),
                new Endpoint("PUT", "/api/auth/password", "currentPassword", true),
                new Endpoint("PATCH", "/api/users/me", "fullName", true),
                new Endpoint("POST", "/api/conversations/direct", "userId", true),
                new Endpoint("POST", "/api/conversations/groups", "name", true),
                new Endpoint("PATCH", c, "name", true),
                new Endpoint("POST", c + "/members", "userIds", true),
                new Endpoint("PATCH", c + "/members/" + other.id(), "role", true),
                new Endpoint("POST", c + "/messages", "text", true),
                new Endpoint("PATCH", c + "/messages/" + messageId, "text", true),
                new Endpoint("POST", c + "/read", "seq", true));
    }

    private static Response call(Endpoint e, Account account, String body) {
        var request = e.signedIn() ? TestAccounts.as(account) : io.restassured.RestAssured.given().contentType(ContentType.JSON);
        return request.body(body).request(e.method(), e.path());
    }

    private static void expectMalformed(List<String> failures, Endpoint e, Response r, String body) {
        String code = r.getContentType().contains("json") ? r.path("error.code") : null;
        if (r.statusCode() != 400 || !"malformed_json".equals(code)) {
            failures.add(e.method() + " " + e.path() + " with " + body + " -> " + r.statusCode() + " " + r.asString());
        }
    }

    @Test
    void refusesEveryBodyThatIsNotAnObjectOnEveryJsonEndpoint() {
        Account owner = TestAccounts.signUp();
        Account other = TestAccounts.signUp();
        List<String> failures = new ArrayList<>();
        for (Endpoint e : everyJsonEndpoint(owner, other)) {
            for (String body : NOT_AN_OBJECT) {
                expectMalformed(failures, e, call(e, owner, body), body);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void refusesNumbersObjectsAndArraysWhereAStringIsExpected() {
        Account owner = TestAccounts.signUp();
        Account other = TestAccounts.signUp();
        List<String> failures = new ArrayList<>();
        for (Endpoint e : everyJsonEndpoint(owner, other)) {
            List<String> wrong = switch (e.field()) {
                // a list of strings and a number: the wrong shapes are the other way round
                case "userIds" -> List.of("\"x\"", "42", "{}", "[42]", "[{}]", "[true]");
                case "seq" -> List.of("\"5\"", "true", "{}", "[5]");
                default -> NOT_A_STRING;
            };
            for (String value : wrong) {
                String body = "{\"" + e.field() + "\":" + value + "}";
                expectMalformed(failures, e, call(e, owner, body), body);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aLiteralNullBodyIsRefusedWhereAnEmptyBodyMeansMissingFields() {
        Account owner = TestAccounts.signUp();
        TestAccounts.as(owner).body("null").patch("/api/users/me")
                .then().statusCode(400).body("error.code", equalTo("malformed_json"));
        TestAccounts.as(owner).patch("/api/users/me").then().statusCode(200);
        given().contentType(ContentType.JSON).body("null").post("/api/auth/login")
                .then().statusCode(400).body("error.code", equalTo("malformed_json"));
        given().contentType(ContentType.JSON).post("/api/auth/login")
                .then().statusCode(401).body("error.code", equalTo("invalid_credentials"));
    }
}
