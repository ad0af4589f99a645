package echos.common.web;

import static echos.auth.TestAccounts.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import echos.media.TestImages;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bodies streamed without a Content-Length (java.net.http sends an InputStream publisher chunked) are held to the
 * same limits as declared ones, and are cut off once over instead of being read whole. HTTP/1.1, where streaming
 * means Transfer-Encoding: chunked.
 */
@QuarkusTest
class ChunkedBodyApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ONE_MB = 1024 * 1024;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Sends the body chunked; an InputStream publisher never declares a length. */
    private HttpResponse<String> streamed(String method, String path, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> streamedJson(String method, String path, Account account, Object body) throws Exception {
        return streamed(method, path, account == null ? null : account.token(), "application/json", JSON.writeValueAsBytes(body));
    }

    private static String code(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).path("error").path("code").asText();
    }

    @Test
    void refusesAStreamedMessageOverTheBodyLimitAndStoresNothing() throws Exception {
        Account me = TestAccounts.signUp();
        Account other = TestAccounts.signUp();
        String chat = TestChats.direct(me, other);
        // mostly spaces, so only the body limit (not the text rules, which come later) can refuse it
        String text = "hello" + " ".repeat(ONE_MB + 64 * 1024);
        HttpResponse<String> response = streamedJson("POST", "/api/conversations/" + chat + "/messages", me,
                Map.of("clientId", "big-1", "text", text));
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("payload_too_large", code(response));
        List<?> stored = as(me).get("/api/conversations/" + chat + "/messages").then().statusCode(200).extract().path("messages");
        assertEquals(0, stored.size());
    }

    @Test
    void refusesAStreamedEditOverTheBodyLimit() throws Exception {
        Account me = TestAccounts.signUp();
        Account other = TestAccounts.signUp();
        String chat = TestChats.direct(me, other);
        TestChats.send(me, chat, "short");
        String id = as(me).get("/api/conversations/" + chat + "/messages").then().extract().path("messages[0].id");
        HttpResponse<String> response = streamedJson("PATCH", "/api/conversations/" + chat + "/messages/" + id, me,
                Map.of("text", "x".repeat(ONE_MB + 1)));
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("payload_too_large", code(response));
        as(me).get("/api/conversations/" + chat + "/messages").then().body("messages[0].text", org.hamcrest.Matchers.equalTo("short"));
    }

    @Test
    void acceptsStreamedBodiesUnderTheLimitWithTheSameRulesAsDeclaredOnes() throws Exception {
        HttpResponse<String> signedUp = streamedJson("POST", "/api/auth/signup", null,
                Map.of("fullName", "Streamed Sam", "email", TestAccounts.uniqueEmail(), "password", TestAccounts.PASSWORD));
        assertEquals(201, signedUp.statusCode(), signedUp.body());
        JsonNode user = JSON.readTree(signedUp.body());
        Account me = new Account(user.path("user").path("id").asText(), "", user.path("token").asText());
        Account other = TestAccounts.signUp();
        String chat = TestChats.direct(me, other);
        HttpResponse<String> sent = streamedJson("POST", "/api/conversations/" + chat + "/messages", me,
                Map.of("clientId", "small-1", "text", "streamed hello"));
        assertEquals(201, sent.statusCode(), sent.body());
        // the text rules apply alike: padding counts, names refuse invisible characters
        HttpResponse<String> padded = streamedJson("POST", "/api/conversations/" + chat + "/messages", me,
                Map.of("clientId", "small-2", "text", "hi" + " ".repeat(4000)));
        assertEquals(400, padded.statusCode(), padded.body());
        String imageId = (String) echos.media.MediaUploads.png(me).get("id");
        HttpResponse<String> caption = streamedJson("POST", "/api/conversations/" + chat + "/messages", me,
                Map.of("clientId", "small-3", "imageId", imageId, "text", "nice" + " ".repeat(4000)));
        assertEquals(400, caption.statusCode(), caption.body());
        HttpResponse<String> captioned = streamedJson("POST", "/api/conversations/" + chat + "/messages", me,
                Map.of("clientId", "small-4", "imageId", imageId, "text", "nice"));
        assertEquals(201, captioned.statusCode(), captioned.body());
        HttpResponse<String> name = streamedJson("PATCH", "/api/users/me", me, Map.of("fullName", "Sam\u202E"));
        assertEquals(400, name.statusCode(), name.body());
        String group = TestChats.group(me, "Streamed", other);
        HttpResponse<String> title = streamedJson("PATCH", "/api/conversations/" + group, me, Map.of("name", "Team\u200B"));
        assertEquals(400, title.statusCode(), title.body());
        assertTrue(JSON.readTree(title.body()).path("error").path("fields").has("name"));
    }

    @Test
    void refusesAStreamedUploadOverItsLimitWithTooLarge() throws Exception {
        Account me = TestAccounts.signUp();
        byte[] huge = new byte[11 * ONE_MB];
        HttpResponse<String> response = streamed("POST", "/api/media", me.token(), "multipart/form-data; boundary=XyZ",
                multipart("XyZ", huge));
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("too_large", code(response));
        HttpResponse<String> avatar = streamed("PUT", "/api/users/me/avatar", me.token(), "multipart/form-data; boundary=XyZ",
                multipart("XyZ", huge));
        assertEquals(413, avatar.statusCode(), avatar.body());
        assertEquals("too_large", code(avatar));
    }

    @Test
    void acceptsAStreamedUploadUnderItsLimit() throws Exception {
        Account me = TestAccounts.signUp();
        HttpResponse<String> response = streamed("POST", "/api/media", me.token(), "multipart/form-data; boundary=XyZ",
                multipart("XyZ", TestImages.png(64, 48)));
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(64, JSON.readTree(response.body()).path("width").asInt());
    }

    private static byte[] multipart(String boundary, byte[] file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(file);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

}
