package echos.media;

import java.util.Optional;

/** Storage port for image bytes: local disk by default, Cloudinary when configured. */
public interface BlobStore {

    /** Where the stored bytes can be fetched. */
    record Stored(String url, String thumbnailUrl) {
    }

    Stored put(String mediaId, EncodedImage original, EncodedImage thumbnail);

    /** The bytes, when this store serves them itself; empty when they are gone or served elsewhere (by URL). */
    Optional<byte[]> read(String mediaId, boolean thumbnail);

    /** Removes both variants; removing what is not there is not an error. */
    void delete(String mediaId);
}
