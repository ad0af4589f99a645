package echos.chatty;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echos.auth.TestAccounts;
import echos.media.TestImages;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Chatty's REST API as its unmodified React frontend uses it: the cookie only, Chatty's paths, field names and
 * shapes, images as data URLs inside JSON. SQLite; the Mongo and PostgreSQL subclasses run the same on those.
 */
@QuarkusTest
class ChattyApiTest {

    @TestHTTPResource("/")
    URI base;

    private static final String ISO_MILLIS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    /** A Chatty browser session: the user's _id and the jwt cookie signup set. */
    record Browser(String id, String fullName, String email, String cookie) {

        RequestSpecification request() {
            return given().cookie("jwt", cookie).contentType(ContentType.JSON);
        }
    }

    /** Signs up as Chatty's SignUpPage does and keeps what its store keeps: the whole body and the cookie. */
    static Browser signUp(String fullName) {
        String email = TestAccounts.uniqueEmail();
        Response response = given().contentType(ContentType.JSON)
                .body(Map.of("fullName", fullName, "email", email, "password", TestAccounts.PASSWORD)).post("/api/auth/signup");
        response.then().statusCode(201)
                .body("_id", equalTo(response.path("user.id")))
                .body("fullName", equalTo(fullName))
                .body("email", equalTo(email))
                .body("profilePic", equalTo(""))
                .body("createdAt", matchesPattern(ISO_MILLIS))
                .body("token", notNullValue())
                .body("user.email", equalTo(email));
        return new Browser(response.path("_id"), fullName, email, response.cookie("jwt"));
    }

    /** A name that sorts before the other tests' users, so the capped users list surely holds it. */
    static String earlyName(String who) {
        return "0 " + who + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static String pngDataUrl(int width, int height) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(width, height));
    }

    static Map<String, Object> sendBody(String text, String image) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        body.put("image", image);
        return body;
    }

    @Test
    void walksTheChattyFrontendFlowFromSignupToImagesAndProfilePicture() {
        Browser ann = signUp(earlyName("Ann"));
        Browser bob = signUp(earlyName("Bob"));

        ann.request().get("/api/auth/check").then().statusCode(200)
                .body("_id", equalTo(ann.id())).body("email", equalTo(ann.email())).body("fullName", equalTo(ann.fullName()))
                .body("profilePic", equalTo("")).body("createdAt", matchesPattern(ISO_MILLIS)).body("updatedAt", matchesPattern(ISO_MILLIS))
                .body("__v", equalTo(0)).body("$", not(hasKey("password"))).body("$", not(hasKey("passwordHash")));

        ann.request().get("/api/messages/users").then().statusCode(200)
                .body("_id", hasItem(bob.id())).body("_id", not(hasItem(ann.id())))
                .body("findAll { it._id == '" + bob.id() + "' }.fullName", contains(bob.fullName()))
                .body("findAll { it._id == '" + bob.id() + "' }.profilePic", contains(""))
                .body("findAll { it._id == '" + bob.id() + "' }.createdAt", contains(matchesPattern(ISO_MILLIS)))
                .body("findAll { it.containsKey('email') }", empty());

        ann.request().get("/api/messages/" + bob.id()).then().statusCode(200).body("$", empty());

        ann.request().body(sendBody("hello bob", null)).post("/api/messages/send/" + bob.id()).then().statusCode(201)
                .body("senderId", equalTo(ann.id())).body("receiverId", equalTo(bob.id())).body("text", equalTo("hello bob"))
                .body("$", not(hasKey("image"))).body("createdAt", matchesPattern(ISO_MILLIS)).body("updatedAt", matchesPattern(ISO_MILLIS))
                .body("__v", equalTo(0)).body("_id", notNullValue());
        String imageUrl = ann.request().body(sendBody("", pngDataUrl(40, 30))).post("/api/messages/send/" + bob.id()).then()
                .statusCode(201).body("text", equalTo("")).body("image", notNullValue()).extract().path("image");

        bob.request().get("/api/messages/" + ann.id()).then().statusCode(200)
                .body("text", contains("hello bob", ""))
                .body("senderId", contains(ann.id(), ann.id()))
                .body("receiverId", contains(bob.id(), bob.id()))
                .body("[0]", not(hasKey("image")))
                .body("[1].image", equalTo(imageUrl));
        bob.request().get(imageUrl).then().statusCode(200).contentType(containsString("image/"));

        bob.request().body(sendBody("hi ann", null)).post("/api/messages/send/" + ann.id()).then().statusCode(201)
                .body("senderId", equalTo(bob.id())).body("receiverId", equalTo(ann.id()));
        ann.request().get("/api/messages/" + bob.id()).then().statusCode(200)
                .body("text", contains("hello bob", "", "hi ann"))
                .body("senderId", contains(ann.id(), ann.id(), bob.id()))
                .body("receiverId", contains(bob.id(), bob.id(), ann.id()));

        String profilePic = ann.request().body(Map.of("profilePic", pngDataUrl(64, 64))).put("/api/auth/update-profile").then()
                .statusCode(200).body("_id", equalTo(ann.id())).body("email", equalTo(ann.email())).body("__v", equalTo(0))
                .body("$", not(hasKey("password"))).body("profilePic", not(equalTo(""))).extract().path("profilePic");
        ann.request().get("/api/auth/check").then().body("profilePic", equalTo(profilePic));
        bob.request().get("/api/messages/users").then().body("findAll { it._id == '" + ann.id() + "' }.profilePic", contains(profilePic));
        ann.request().get(profilePic).then().statusCode(200).contentType(containsString("image/"));

        String replaced = ann.request().body(Map.of("profilePic", pngDataUrl(32, 32))).put("/api/auth/update-profile").then()
                .statusCode(200).extract().path("profilePic");
        assertNotEquals(profilePic, replaced);
    }

    @Test
    void signupAndLoginAnswersKeepEchosFieldsAndAddChattysAtTheTop() {
        Browser ann = signUp(earlyName("Ann"));
        given().contentType(ContentType.JSON).body(Map.of("email", ann.email(), "password", TestAccounts.PASSWORD)).post("/api/auth/login")
                .then().statusCode(200)
                .body("_id", equalTo(ann.id())).body("user.id", equalTo(ann.id()))
                .body("fullName", equalTo(ann.fullName())).body("email", equalTo(ann.email()))
                .body("profilePic", equalTo("")).body("createdAt", matchesPattern(ISO_MILLIS)).body("token", notNullValue())
                .cookie("jwt", notNullValue());
    }

    @Test
    void refusesAMissingOrUnusableProfilePicWithAMessageTheToastShows() {
        Browser ann = signUp(earlyName("Ann"));
        for (Map<String, String> body : List.of(Map.<String, String>of(), Map.of("profilePic", ""))) {
            ann.request().body(body).put("/api/auth/update-profile").then().statusCode(400)
                    .contentType(ContentType.JSON).body("message", equalTo("Profile pic is required"))
                    .body("error.code", equalTo("validation_failed")).body("error.message", equalTo("Profile pic is required"));
        }
        for (String notADataUrl : List.of("https://res.cloudinary.com/x/image/upload/v1/a.png", "data:text/plain;base64,aGVsbG8=",
                "data:image/png,rawbytes", "data:image/png;base64,@@not base64@@")) {
            ann.request().body(Map.of("profilePic", notADataUrl)).put("/api/auth/update-profile").then().statusCode(400)
                    .contentType(ContentType.JSON).body("error.code", equalTo("invalid_data_url"))
                    .body("message", containsString("profilePic")).body("error.fields.profilePic", notNullValue());
        }
        ann.request().body(Map.of("profilePic", "data:image/png;base64," + Base64.getEncoder().encodeToString("not a picture".getBytes())))
                .put("/api/auth/update-profile").then().statusCode(415)
                .body("error.code", equalTo("unsupported_media_type")).body("message", containsString("JPEG, PNG"));
        ann.request().body("{\"profilePic\": ").put("/api/auth/update-profile").then().statusCode(400)
                .body("error.code", equalTo("malformed_json")).body("message", notNullValue());
        ann.request().get("/api/auth/check").then().body("profilePic", equalTo(""));
    }

    @Test
    void everyChattyEndpointWantsAValidSessionCookieAndAnswers401Otherwise() {
        Browser bob = signUp(earlyName("Bob"));
        for (RequestSpecification anonymous : List.of(given().contentType(ContentType.JSON),
                given().cookie("jwt", "not-a-token").contentType(ContentType.JSON),
                given().cookie("jwt", bob.cookie() + "x").contentType(ContentType.JSON))) {
            anonymous.get("/api/auth/check").then().statusCode(401).body("message", notNullValue())
                    .body("error.code", equalTo("unauthenticated"));
            anonymous.get("/api/messages/users").then().statusCode(401).body("message", notNullValue());
            anonymous.get("/api/messages/" + bob.id()).then().statusCode(401);
            anonymous.body(sendBody("hi", null)).post("/api/messages/send/" + bob.id()).then().statusCode(401);
            anonymous.body(Map.of("profilePic", pngDataUrl(8, 8))).put("/api/auth/update-profile").then().statusCode(401);
        }
        given().cookie("jwt", bob.cookie()).post("/api/auth/logout").then().statusCode(204);
        bob.request().get("/api/auth/check").then().statusCode(401);
    }

    @Test
    void anUnknownUserIs404AndNothingIsCreatedForIt() {
        Browser ann = signUp(earlyName("Ann"));
        ann.request().get("/api/messages/no-such-user").then().statusCode(404).body("message", equalTo("No such user."));
        ann.request().body(sendBody("hello?", null)).post("/api/messages/send/no-such-user").then().statusCode(404)
                .body("message", equalTo("No such user."));
        ann.request().body(sendBody("hello?", null)).post("/api/messages/send/000000000000000000000000").then().statusCode(404);
        ann.request().get("/api/conversations").then().statusCode(200).body("conversations", empty());
    }

    @Test
    void appliesEchosRulesToWhatIsSentWithoutOpeningAConversationForARefusedMessage() {
        Browser ann = signUp(earlyName("Ann"));
        Browser bob = signUp(earlyName("Bob"));
        for (Map<String, Object> nothing : List.of(sendBody("", null), sendBody("   ", null), sendBody(null, null), Map.<String, Object>of())) {
            ann.request().body(nothing).post("/api/messages/send/" + bob.id()).then().statusCode(400)
                    .body("error.code", equalTo("validation_failed")).body("error.fields.text", notNullValue()).body("message", notNullValue());
        }
        ann.request().body(sendBody("x".repeat(4001), null)).post("/api/messages/send/" + bob.id()).then().statusCode(400);
        ann.request().body(sendBody("look", "data:text/html;base64,PGI+")).post("/api/messages/send/" + bob.id()).then().statusCode(400)
                .body("error.code", equalTo("invalid_data_url")).body("error.fields.image", notNullValue());
        ann.request().body(sendBody("look", "data:image/gif;base64," + Base64.getEncoder().encodeToString("GIF89a broken".getBytes())))
                .post("/api/messages/send/" + bob.id()).then().statusCode(422).body("error.code", equalTo("invalid_image"));
        ann.request().get("/api/conversations").then().body("conversations", empty());
        ann.request().body(sendBody("me, myself", null)).post("/api/messages/send/" + ann.id()).then().statusCode(400)
                .body("error.fields.userId", notNullValue()).body("message", notNullValue());
        ann.request().get("/api/messages/" + ann.id()).then().statusCode(200).body("$", empty());
        ann.request().get("/api/messages/" + bob.id()).then().statusCode(200).body("$", empty());
    }

    @Test
    void theLiteralUsersPathIsNeverTakenForAUserId() {
        Browser ann = signUp(earlyName("Ann"));
        ann.request().get("/api/messages/users").then().statusCode(200).body("_id", not(hasItem(ann.id())))
                .body("$", everyItem(hasKey("fullName")));
    }

    @Test
    void theTwoImageEndpointsTakeAJsonBodyAsLargeAsAnImageNeedsAndNoOtherEndpointDoes() {
        Browser ann = signUp(earlyName("Ann"));
        Browser bob = signUp(earlyName("Bob"));
        byte[] noise = new byte[2 * 1024 * 1024];
        new Random(7).nextBytes(noise);
        String twoMegabytes = "data:image/png;base64," + Base64.getEncoder().encodeToString(noise);
        // past MAX_BODY_SIZE (1M): the image pipeline, not the body limit, refuses the noise
        ann.request().body(Map.of("profilePic", twoMegabytes)).put("/api/auth/update-profile").then().statusCode(415);
        ann.request().body(sendBody("", twoMegabytes)).post("/api/messages/send/" + bob.id()).then().statusCode(415);
        ann.request().body(Map.of("bio", twoMegabytes)).patch("/api/users/me").then().statusCode(413)
                .body("error.code", equalTo("payload_too_large")).body("message", notNullValue());
        ann.request().body(sendBody(twoMegabytes, null)).post("/api/conversations/any/messages").then().statusCode(413);

        String tooLarge = "data:image/png;base64," + "A".repeat(10 * 1024 * 1024 / 3 * 4 + 100 * 1024);
        ann.request().body(Map.of("profilePic", tooLarge)).put("/api/auth/update-profile").then().statusCode(413)
                .body("error.code", equalTo("payload_too_large")).body("message", notNullValue());
        ann.request().get("/api/auth/check").then().statusCode(200).body("profilePic", equalTo(""));
    }

    @Test
    void timesHaveMillisecondsEvenWhenTheyAreZero() {
        assertEquals("2025-05-06T10:29:37.000Z", ChattyJson.time(java.time.Instant.parse("2025-05-06T10:29:37Z")));
        assertEquals("2025-05-06T10:29:37.120Z", ChattyJson.time(java.time.Instant.parse("2025-05-06T10:29:37.12Z")));
        assertTrue(ChattyJson.time(java.time.Instant.EPOCH).matches(ISO_MILLIS));
    }

    @Test
    void aStreamedBodyWithoutALengthIsHeldToTheSameLimitOnTheImageEndpoints() throws Exception {
        Browser ann = signUp(earlyName("Ann"));
        byte[] noise = new byte[2 * 1024 * 1024];
        new Random(11).nextBytes(noise);
        String twoMegabytes = "{\"profilePic\":\"data:image/png;base64," + Base64.getEncoder().encodeToString(noise) + "\"}";
        assertEquals(415, streamed("PUT", "/api/auth/update-profile", ann, twoMegabytes).statusCode());
        String tooLarge = "{\"profilePic\":\"data:image/png;base64," + "A".repeat(10 * 1024 * 1024 / 3 * 4 + 100 * 1024) + "\"}";
        HttpResponse<String> refused = streamed("PUT", "/api/auth/update-profile", ann, tooLarge);
        assertEquals(413, refused.statusCode());
        assertTrue(refused.body().contains("\"message\""), refused.body());
        assertEquals(413, streamed("PATCH", "/api/users/me", ann, "{\"bio\":\"" + "b".repeat(2 * 1024 * 1024) + "\"}").statusCode());
    }

    /** Sent chunked (an InputStream publisher declares no length) over HTTP/1.1, with the session cookie. */
    private HttpResponse<String> streamed(String method, String path, Browser who, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Cookie", "jwt=" + who.cookie())
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
