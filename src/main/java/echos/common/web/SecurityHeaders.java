package echos.common.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Browser security headers on every answer (a strict Content-Security-Policy, no framing, no referrer to other
 * sites, no MIME sniffing), and cache rules that keep users on the current web app: the page itself is
 * {@code no-cache}, only Vite's content-hashed {@code /assets/} files are cached forever; the service worker
 * {@code /sw.js} is always revalidated so a new version reaches installed apps. Answers over https (direct,
 * or through a trusted proxy that says {@code X-Forwarded-Proto: https}) also carry Strict-Transport-Security.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CLOUDINARY_IMAGES = "https://res.cloudinary.com";
    private static final Pattern HASHED_ASSET = Pattern.compile("^/assets/[^/]+$");
    static final String SERVICE_WORKER = "/sw.js";
    static final String MANIFEST = "/manifest.webmanifest";
    /** Vert.x does not know the .webmanifest extension. */
    static final String MANIFEST_TYPE = "application/manifest+json";

    /**
     * Swagger UI (a developer page with no user content) boots from an inline script it generates; it gets the
     * same policy with inline script and style allowed, and still cannot be framed.
     */
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    private final String contentSecurityPolicy;
    private final String strictTransportSecurity;

    public SecurityHeaders(@ConfigProperty(name = "echos.cloudinary.cloud-name") Optional<String> cloudinaryCloud,
            @ConfigProperty(name = "echos.csp.extra-img-src") Optional<String> extraImageSources,
            @ConfigProperty(name = "echos.hsts.max-age-seconds") long hstsMaxAgeSeconds) {
        this.contentSecurityPolicy = policy(cloudinaryCloud.filter(s -> !s.isBlank()).isPresent(), extraImageSources.orElse(""));
        this.strictTransportSecurity = hstsMaxAgeSeconds > 0 ? "max-age=" + hstsMaxAgeSeconds : null;
    }

    static String policy(boolean cloudinary, String extraImageSources) {
        StringBuilder images = new StringBuilder("'self' data: blob:");
        if (cloudinary) {
            images.append(' ').append(CLOUDINARY_IMAGES);
        }
        for (String source : extraImageSources.trim().split("[\\s,]+")) {
            if (!source.isEmpty()) {
                images.append(' ').append(source);
            }
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + images
                + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
                + " frame-ancestors 'none'";
    }

    void install(@Observes Router router) {
        router.route().order(-300).handler(rc -> {
            rc.addHeadersEndHandler(v -> apply(rc));
            rc.next();
        });
    }

    private void apply(RoutingContext rc) {
        var headers = rc.response().headers();
        String path = rc.normalizedPath();
        headers.set("Content-Security-Policy", path.startsWith("/q/swagger-ui") ? SWAGGER_UI_POLICY : contentSecurityPolicy);
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("X-Content-Type-Options", "nosniff");
        if (strictTransportSecurity != null && (rc.request().isSSL() || "https".equals(rc.request().scheme()))) {
            headers.set("Strict-Transport-Security", strictTransportSecurity);
        }
        if (path.equals(MANIFEST) && rc.response().getStatusCode() == 200) {
            headers.set("Content-Type", MANIFEST_TYPE);
        }
        String type = headers.get("Content-Type");
        boolean html = type != null && type.startsWith("text/html");
        if (html || path.equals("/") || path.equals("/index.html") || path.equals(SERVICE_WORKER)) {
            headers.set("Cache-Control", "no-cache");
        } else if (isStaticFile(path) && !HASHED_ASSET.matcher(path).matches() && headers.contains("Cache-Control")
                && headers.get("Cache-Control").contains("immutable")) {
            // favicon.svg, theme-init.js: not content-hashed, so they must be revalidated after an upgrade
            headers.set("Cache-Control", "no-cache");
        }
    }

    private static boolean isStaticFile(String path) {
        return !path.startsWith("/api/") && !path.startsWith("/ws") && !path.startsWith("/q/");
    }
}
