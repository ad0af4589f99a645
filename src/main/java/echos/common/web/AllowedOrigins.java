package echos.common.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides whether a browser Origin may act on this server: the server's own origin (same host and port as the
 * request's Host header) or one listed in ALLOWED_ORIGINS.
 */
@ApplicationScoped
public class AllowedOrigins {

    private final Set<String> extra;

    public AllowedOrigins(@ConfigProperty(name = "echos.allowed-origins") Optional<String> configured) {
        this.extra = Arrays.stream(configured.orElse("").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(AllowedOrigins::normalize)
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether a socket may open from this request (the /ws upgrade and every Socket.IO request): no Origin (not a
     * browser), or an allowed one.
     */
    public boolean admitsSocket(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        return origin == null || isAllowed(origin, request.authority());
    }

    /**
     * The request's authority is the Host header on HTTP/1.1 and the {@code :authority} pseudo-header on HTTP/2
     * (what browsers speak to Echos over TLS, where there is no Host header).
     */
    public boolean isAllowed(String origin, HostAndPort authority) {
        return isAllowed(origin, authority == null ? null : authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host());
    }

    public boolean isAllowed(String origin, String hostHeader) {
        Optional<String> normalized = normalize(origin);
        if (normalized.isEmpty()) {
            return false;
        }
        if (extra.contains(normalized.get())) {
            return true;
        }
        return hostHeader != null && authority(normalized.get()).equals(withDefaultPort(hostHeader.toLowerCase(Locale.ROOT),
                normalized.get().startsWith("https:") ? 443 : 80));
    }

    static Optional<String> normalize(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return Optional.empty();
            }
            String lowerScheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : lowerScheme.equals("https") ? 443 : 80;
            return Optional.of(lowerScheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String authority(String normalizedOrigin) {
        return normalizedOrigin.substring(normalizedOrigin.indexOf("://") + 3);
    }

    private static String withDefaultPort(String host, int defaultPort) {
        boolean hasPort = host.startsWith("[") ? host.contains("]:") : host.contains(":");
        return hasPort ? host : host + ":" + defaultPort;
    }
}
