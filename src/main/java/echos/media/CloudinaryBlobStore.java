package echos.media;

import com.cloudinary.Cloudinary;
import com.cloudinary.utils.ObjectUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Image bytes on Cloudinary through its official Java SDK (signed uploads), served from Cloudinary's URLs.
 * {@code uploadPrefix} points the SDK at another API host; the tests use it for a local stand-in.
 */
public final class CloudinaryBlobStore implements BlobStore {

    static final String FOLDER = "echos/";

    private final Cloudinary cloudinary;

    public CloudinaryBlobStore(String cloudName, String apiKey, String apiSecret, String uploadPrefix) {
        Map<String, Object> config = new HashMap<>();
        config.put("cloud_name", cloudName);
        config.put("api_key", apiKey);
        config.put("api_secret", apiSecret);
        config.put("secure", true);
        if (uploadPrefix != null && !uploadPrefix.isBlank()) {
            config.put("upload_prefix", uploadPrefix);
        }
        this.cloudinary = new Cloudinary(config);
    }

    @Override
    public Stored put(String mediaId, EncodedImage original, EncodedImage thumbnail) {
        try {
            String url = upload(mediaId, original);
            String thumbnailUrl = thumbnail == original ? url : upload(mediaId + "-thumb", thumbnail);
            return new Stored(url, thumbnailUrl);
        } catch (IOException | RuntimeException e) {
            delete(mediaId);
            throw new UncheckedIOException("storing image on Cloudinary failed", e instanceof IOException io ? io : new IOException(e));
        }
    }

    private String upload(String publicId, EncodedImage image) throws IOException {
        Map<?, ?> result = cloudinary.uploader().upload(image.bytes(), ObjectUtils.asMap(
                "public_id", FOLDER + publicId, "resource_type", "image", "overwrite", true));
        Object url = result.get("secure_url");
        if (url == null) {
            throw new IOException("Cloudinary answered without secure_url");
        }
        return url.toString();
    }

    @Override
    public Optional<byte[]> read(String mediaId, boolean thumbnail) {
        return Optional.empty();
    }

    @Override
    public void delete(String mediaId) {
        for (String publicId : new String[] {FOLDER + mediaId, FOLDER + mediaId + "-thumb"}) {
            try {
                cloudinary.uploader().destroy(publicId, ObjectUtils.asMap("resource_type", "image", "invalidate", true));
            } catch (IOException | RuntimeException e) {
                // already gone, or Cloudinary is down: the orphan does no harm and is logged by the caller's event
            }
        }
    }
}
