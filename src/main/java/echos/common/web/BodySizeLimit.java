package echos.common.web;

import echos.common.error.ErrorBody;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body over its limit with a JSON 413 before anything reads it: {@link JsonBodyLimits} for JSON,
 * MAX_UPLOAD_MB (plus room for the multipart envelope) for image uploads. A streamed (chunked) upload is read here
 * into the uploads folder and cut off with 413 once past its limit; a streamed JSON body is counted by
 * {@link JsonBodyGuard} as Jackson reads it. MAX_REQUEST_SIZE stays the ceiling for everything else.
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final long MULTIPART_ENVELOPE = 64 * 1024;

    private final JsonBodyLimits jsonLimits;
    private final long maxUploadBytes;

    private final String uploadsDirectory;

    public BodySizeLimit(JsonBodyLimits jsonLimits, @ConfigProperty(name = "echos.media.max-upload-mb") int maxUploadMb,
            @ConfigProperty(name = "quarkus.http.body.uploads-directory", defaultValue = "file-uploads") String uploadsDirectory) {
        this.jsonLimits = jsonLimits;
        this.maxUploadBytes = maxUploadMb * 1024L * 1024L;
        this.uploadsDirectory = uploadsDirectory;
    }

    void install(@Observes Router router) {
        String uploadTooLarge = Json.encode(ErrorBody.of("too_large", "Images may be at most " + maxUploadBytes / (1024 * 1024) + " MB."));
        router.route().order(-200).handler(rc -> {
            String declared = rc.request().getHeader("Content-Length");
            boolean upload = isUpload(rc.request().method().name(), rc.normalizedPath());
            long limit = upload ? maxUploadBytes + MULTIPART_ENVELOPE : jsonLimits.limitFor(rc.request().method().name(), rc.normalizedPath());
            if (declared != null && parse(declared) > limit) {
                rc.response().setStatusCode(413).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
                        .end(upload ? uploadTooLarge : Json.encode(ErrorBody.of("payload_too_large", "The request body is larger than " + limit + " bytes.")));
            } else {
                rc.next();
            }
        });
        // Quarkus REST takes a form Vert.x has already parsed, so a streamed upload can be held to its own limit here.
        // Only on HTTP/1.x: over HTTP/2 Quarkus REST cannot take over a request that has already been read, so there
        // a streamed upload is bounded by MAX_REQUEST_SIZE on disk and measured once received.
        BodyHandler streamedUploads = BodyHandler.create(uploadsDirectory).setBodyLimit(maxUploadBytes + MULTIPART_ENVELOPE)
                .setDeleteUploadedFilesOnEnd(true);
        router.route().order(-199).handler(rc -> {
            if (isStreamedUpload(rc)) {
                streamedUploads.handle(rc);
            } else {
                rc.next();
            }
        }).failureHandler(rc -> {
            if (!isUpload(rc.request().method().name(), rc.normalizedPath())) {
                rc.next();
            } else if (rc.statusCode() == 413 && !rc.response().ended()) {
                rc.response().setStatusCode(413).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
                        .end(uploadTooLarge);
            } else if (!rc.response().ended()) {
                rc.next();
            }
            // else: the 413 went out, and the aborted upload's file stream failing after it is expected
        });
    }

    private static boolean isStreamedUpload(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        return request.getHeader("Content-Length") == null && request.version() != HttpVersion.HTTP_2
                && isUpload(request.method().name(), rc.normalizedPath());
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
