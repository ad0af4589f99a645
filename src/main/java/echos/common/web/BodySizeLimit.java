package echos.common.web;

import echos.common.error.ErrorBody;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body over MAX_BODY_SIZE with a JSON 413 before anything reads it. Bodies without a
 * Content-Length are still cut off by Quarkus at the same limit (with an empty 413).
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        String body = Json.encode(ErrorBody.of("payload_too_large", "The request body is larger than " + maxBytes + " bytes."));
        router.route().order(-200).handler(rc -> {
            String declared = rc.request().getHeader("Content-Length");
            if (declared != null && isOver(declared)) {
                rc.response().setStatusCode(413).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
                        .end(body);
            } else {
                rc.next();
            }
        });
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
