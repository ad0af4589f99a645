package echos.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link BlobStore} must do: keep both variants retrievable until deleted, and delete idempotently. */
public abstract class BlobStoreContract {

    protected abstract BlobStore store();

    /** The bytes behind a stored URL (local stores read themselves; remote ones are fetched over HTTP). */
    protected Optional<byte[]> fetch(String mediaId, String url, boolean thumbnail) {
        Optional<byte[]> direct = store().read(mediaId, thumbnail);
        if (direct.isPresent() || !url.startsWith("http")) {
            return direct;
        }
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EncodedImage image(int w, int h) {
        return new EncodedImage("image/jpeg", "jpg", TestImages.jpeg(w, h), w, h);
    }

    @Test
    void storesBothVariantsAndServesThemUntilDeleted() {
        String id = "m" + System.nanoTime();
        EncodedImage original = image(100, 80);
        EncodedImage thumbnail = image(50, 40);
        BlobStore.Stored stored = store().put(id, original, thumbnail);
        assertNotEquals(stored.url(), stored.thumbnailUrl());
        assertArrayEquals(original.bytes(), fetch(id, stored.url(), false).orElseThrow());
        assertArrayEquals(thumbnail.bytes(), fetch(id, stored.thumbnailUrl(), true).orElseThrow());
        store().delete(id);
        assertEquals(Optional.empty(), fetch(id, stored.url(), false));
        assertEquals(Optional.empty(), fetch(id, stored.thumbnailUrl(), true));
        store().delete(id);
    }

    @Test
    void anImageThatIsItsOwnThumbnailIsStoredOnce() {
        String id = "a" + System.nanoTime();
        EncodedImage avatar = image(64, 64);
        BlobStore.Stored stored = store().put(id, avatar, avatar);
        assertArrayEquals(avatar.bytes(), fetch(id, stored.thumbnailUrl(), true).orElseThrow());
        store().delete(id);
    }
}
