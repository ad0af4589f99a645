package echos.common.web;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How large a JSON request body may be: MAX_BODY_SIZE, except on the two Chatty endpoints whose JSON carries an image
 * inline as a base64 data URL. Those take what an image of MAX_UPLOAD_MB needs in base64 (4/3 of it) plus room for
 * the rest of the body, so the image limit, not the JSON limit, decides there; no other endpoint gets more.
 */
@ApplicationScoped
public class JsonBodyLimits {

    /** The data URL prefix, the JSON around it and a message text of 4000 characters, each escaped as \\uXXXX. */
    static final long INLINE_IMAGE_SLACK = 64 * 1024;

    private final long maxJsonBytes;
    private final long inlineImageBytes;

    public JsonBodyLimits(@ConfigProperty(name = "echos.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "echos.media.max-upload-mb") int maxUploadMb) {
        this.maxJsonBytes = maxBodySize.asLongValue();
        long maxImageBytes = maxUploadMb * 1024L * 1024L;
        this.inlineImageBytes = Math.max(maxJsonBytes, (maxImageBytes + 2) / 3 * 4 + INLINE_IMAGE_SLACK);
    }

    /** The largest JSON body accepted for this request. */
    public long limitFor(String method, String normalizedPath) {
        return takesInlineImage(method, normalizedPath) ? inlineImageBytes : maxJsonBytes;
    }

    static boolean takesInlineImage(String method, String path) {
        if (path == null) {
            return false;
        }
        return "PUT".equals(method) && "/api/auth/update-profile".equals(path)
                || "POST".equals(method) && path.startsWith("/api/messages/send/") && path.indexOf('/', "/api/messages/send/".length()) < 0;
    }
}
