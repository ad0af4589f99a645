package echos.media;

import static echos.auth.TestAccounts.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import echos.common.time.MovableClock;
import echos.conversation.TestChats;
import echos.storage.Jdbc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class MediaApiTest {

    @Inject
    Jdbc jdbc;

    @Inject
    MediaJanitor janitor;

    @ConfigProperty(name = "echos.data-dir")
    String dataDir;

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    static Response upload(Account account, String fileName, byte[] bytes, String declaredType) {
        return given().header("Authorization", "Bearer " + account.token())
                .multiPart("file", fileName, bytes, declaredType).post("/api/media");
    }

    private long storedFiles() throws IOException {
        Path media = Path.of(dataDir, "media");
        if (!Files.isDirectory(media)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(media)) {
            return files.count();
        }
    }

    private long mediaRows() {
        return jdbc.one("SELECT count(*) FROM media", rs -> rs.getLong(1)).orElseThrow();
    }

    static Stream<Arguments> hostileFiles() {
        return Stream.of(
                Arguments.of("svg-with-script.svg", TestImages.text("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "image/svg+xml", 415, "unsupported_media_type"),
                Arguments.of("page.png", TestImages.text("<!doctype html><html><script>alert(1)</script></html>"), "image/png", 415, "unsupported_media_type"),
                Arguments.of("empty.png", new byte[0], "image/png", 415, "unsupported_media_type"),
                Arguments.of("bomb.png", TestImages.pngHeaderClaiming(50_000, 50_000), "image/png", 422, "invalid_image"),
                Arguments.of("cut.jpg", TestImages.truncate(TestImages.jpeg(400, 300), 0.5), "image/jpeg", 422, "invalid_image"),
                Arguments.of("frames.gif", TestImages.gifWithFrames(3000, 120, 120), "image/gif", 422, "invalid_image"),
                Arguments.of("polyglot.gif", TestImages.text("GIF89a/*<script>alert(1)</script>*/"), "image/gif", 422, "invalid_image"));
    }

    @ParameterizedTest(name = "{0} -> {3} {4}")
    @MethodSource("hostileFiles")
    void refusesHostileFilesAndStoresNothing(String name, byte[] bytes, String type, int status, String code) throws IOException {
        Account a = TestAccounts.signUp();
        long files = storedFiles();
        long rows = mediaRows();
        upload(a, name, bytes, type).then().statusCode(status).body("error.code", equalTo(code));
        assertEquals(files, storedFiles());
        assertEquals(rows, mediaRows());
    }

    @Test
    void refusesUploadsOverTheLimitWith413() throws IOException {
        Account a = TestAccounts.signUp();
        long files = storedFiles();
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(TestImages.png(10, 10), 0, big, 0, 100);
        upload(a, "big.png", big, "image/png").then().statusCode(413).body("error.code", equalTo("too_large"));
        assertEquals(files, storedFiles());
    }

    @Test
    void acceptsAnImageAndServesItWithSafeHeaders() {
        Account a = TestAccounts.signUp();
        Response created = upload(a, "photo.png", TestImages.png(800, 400), "application/octet-stream");
        created.then().statusCode(201)
                .body("id", notNullValue())
                .body("width", equalTo(800))
                .body("height", equalTo(400))
                .body("contentType", equalTo("image/png"))
                .body("size", notNullValue());
        String url = created.path("url");
        as(a).get(url).then().statusCode(200)
                .header("Content-Type", "image/png")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age=31536000"));
        byte[] thumb = as(a).get((String) created.path("thumbnailUrl")).then().statusCode(200).extract().asByteArray();
        assertTrue(thumb.length > 0);
    }

    @Test
    void ignoresTheUploadedFileNameWhenStoring() throws IOException {
        Account a = TestAccounts.signUp();
        String id = upload(a, "../../etc/passwd.png", TestImages.png(20, 20), "image/png").then().statusCode(201).extract().path("id");
        assertTrue(Files.exists(Path.of(dataDir, "media", id)));
        try (Stream<Path> files = Files.list(Path.of(dataDir, "media"))) {
            assertTrue(files.allMatch(p -> p.getFileName().toString().matches("[0-9a-z]+(-thumb)?")));
        }
        assertTrue(!Files.exists(Path.of(dataDir, "etc", "passwd.png")));
    }

    @Test
    void servesGpsFreeUprightImages() throws Exception {
        Account a = TestAccounts.signUp();
        Response created = upload(a, "gps.jpg", TestImages.jpegWithGpsAndOrientation(300, 200), "image/jpeg");
        created.then().statusCode(201).body("width", equalTo(200)).body("height", equalTo(300));
        byte[] served = as(a).get((String) created.path("url")).then().extract().asByteArray();
        var metadata = com.drew.imaging.ImageMetadataReader.readMetadata(new java.io.ByteArrayInputStream(served));
        assertEquals(null, metadata.getFirstDirectoryOfType(com.drew.metadata.exif.GpsDirectory.class));
    }

    @Test
    void messageImagesAreVisibleToMembersOnly() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        Account stranger = TestAccounts.signUp();
        String conversation = TestChats.direct(a, b);
        Response created = upload(a, "p.png", TestImages.png(50, 50), "image/png");
        String imageId = created.path("id");
        String url = created.path("url");
        String thumb = created.path("thumbnailUrl");

        as(b).get(url).then().statusCode(404);
        as(a).body(Map.of("clientId", UUID.randomUUID().toString(), "imageId", imageId))
                .post("/api/conversations/" + conversation + "/messages").then().statusCode(201)
                .body("message.text", equalTo(""))
                .body("message.image.id", equalTo(imageId))
                .body("message.image.url", equalTo(url))
                .body("message.image.width", equalTo(50));
        as(b).get(url).then().statusCode(200);
        as(b).get(thumb).then().statusCode(200);
        as(stranger).get(url).then().statusCode(404).body("error.code", equalTo("not_found"));
        as(stranger).get(thumb).then().statusCode(404);
        as(stranger).get("/api/media/" + imageId).then().statusCode(404);
        given().get(url).then().statusCode(401);
        as(b).get("/api/conversations/" + conversation + "/messages").then().body("messages[0].image.id", equalTo(imageId));
    }

    @Test
    void onlyTheUploaderMayAttachAnImage() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String conversation = TestChats.direct(a, b);
        String imageId = upload(a, "p.png", TestImages.png(30, 30), "image/png").path("id");
        as(b).body(Map.of("clientId", "steal", "imageId", imageId)).post("/api/conversations/" + conversation + "/messages")
                .then().statusCode(400).body("error.fields.imageId", notNullValue());
        as(a).body(Map.of("clientId", "caption", "imageId", imageId, "text", "look"))
                .post("/api/conversations/" + conversation + "/messages").then().statusCode(201).body("message.text", equalTo("look"));
    }

    @Test
    void avatarsAreCroppedVisibleToSignedInUsersAndReplacedCleanly() throws IOException {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String first = given().header("Authorization", "Bearer " + a.token()).multiPart("file", "me.jpg", TestImages.jpeg(600, 400), "image/jpeg")
                .put("/api/users/me/avatar").then().statusCode(200).body("user.avatarUrl", notNullValue()).extract().path("user.avatarUrl");
        byte[] served = as(b).get(first).then().statusCode(200).extract().asByteArray();
        assertEquals(256, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(served)).getWidth());
        given().get(first).then().statusCode(401);
        String firstId = first.substring(first.lastIndexOf('/') + 1);

        String second = given().header("Authorization", "Bearer " + a.token()).multiPart("file", "me2.png", TestImages.png(300, 300), "image/png")
                .put("/api/users/me/avatar").then().statusCode(200).extract().path("user.avatarUrl");
        assertTrue(!second.equals(first));
        as(b).get(first).then().statusCode(404);
        assertTrue(!Files.exists(Path.of(dataDir, "media", firstId)));
        as(a).get("/api/auth/me").then().body("user.avatarUrl", equalTo(second));

        as(a).delete("/api/users/me/avatar").then().statusCode(200).body("user.avatarUrl", nullValue());
        as(b).get(second).then().statusCode(404);
    }

    @Test
    void uploadsNobodyUsedAreDeletedAfterADay() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String conversation = TestChats.direct(a, b);
        String abandoned = upload(a, "a.png", TestImages.png(10, 10), "image/png").path("id");
        String used = upload(a, "u.png", TestImages.png(10, 10), "image/png").path("id");
        as(a).body(Map.of("clientId", "keep", "imageId", used)).post("/api/conversations/" + conversation + "/messages").then().statusCode(201);
        MovableClock.advance(Duration.ofHours(25));
        assertTrue(janitor.sweep() >= 1);
        MovableClock.reset();
        as(a).get("/api/media/" + abandoned).then().statusCode(404);
        assertTrue(!Files.exists(Path.of(dataDir, "media", abandoned)));
        as(a).get("/api/media/" + used).then().statusCode(200);
        assertNotNull(used);
    }
}
