package echos.media;

import static io.restassured.RestAssured.given;

import echos.auth.TestAccounts.Account;
import java.util.Map;

/** Uploads images through the real HTTP API for tests in other packages. */
public final class MediaUploads {

    private MediaUploads() {
    }

    public static Map<String, Object> png(Account owner) {
        return given().header("Authorization", "Bearer " + owner.token())
                .multiPart("file", "picture.png", TestImages.png(40, 30), "image/png").post("/api/media")
                .then().statusCode(201).extract().as(Map.class);
    }
}
