package echos.common.web;

import echos.common.error.ErrorBody;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body over its limit with a JSON 413 before anything reads it: MAX_BODY_SIZE for JSON,
 * MAX_UPLOAD_MB (plus room for the multipart envelope) for image uploads. Bodies without a Content-Length are
 * cut off by Quarkus at MAX_REQUEST_SIZE, and uploads are measured again once received.
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final long MULTIPART_ENVELOPE = 64 * 1024;

    private final long maxJsonBytes;
    private final long maxUploadBytes;

    public BodySizeLimit(@ConfigProperty(name = "echos.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "echos.media.max-upload-mb") int maxUploadMb) {
        this.maxJsonBytes = maxBodySize.asLongValue();
        this.maxUploadBytes = maxUploadMb * 1024L * 1024L;
    }

    void install(@Observes Router router) {
        String jsonTooLarge = Json.encode(ErrorBody.of("payload_too_large", "The request body is larger than " + maxJsonBytes + " bytes."));
        String uploadTooLarge = Json.encode(ErrorBody.of("too_large", "Images may be at most " + maxUploadBytes / (1024 * 1024) + " MB."));
        router.route().order(-200).handler(rc -> {
            String declared = rc.request().getHeader("Content-Length");
            boolean upload = isUpload(rc.request().method().name(), rc.normalizedPath());
            long limit = upload ? maxUploadBytes + MULTIPART_ENVELOPE : maxJsonBytes;
            if (declared != null && parse(declared) > limit) {
                rc.response().setStatusCode(413).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
                        .end(upload ? uploadTooLarge : jsonTooLarge);
            } else {
                rc.next();
            }
        });
    }

    static boolean isUpload(String method, String path) {
        return "POST".equals(method) && "/api/media".equals(path) || "PUT".equals(method) && "/api/users/me/avatar".equals(path);
    }

    private static long parse(String declared) {
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
