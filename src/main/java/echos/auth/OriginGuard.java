package echos.auth;

import echos.common.error.ErrorBody;
import echos.common.web.AllowedOrigins;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Cross-site request forgery guard: a state-changing request that carries the session cookie (or that tries to
 * log in or sign up) from a browser Origin that is not ours is refused with 403 bad_origin.
 */
public class OriginGuard {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final AllowedOrigins origins;

    public OriginGuard(AllowedOrigins origins) {
        this.origins = origins;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseForeignOrigin(ContainerRequestContext request, HttpServerRequest http) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || SAFE_METHODS.contains(request.getMethod())) {
            return Optional.empty();
        }
        boolean cookieAuthenticated = request.getCookies().containsKey(SessionCookie.NAME);
        boolean startsSession = request.getUriInfo().getPath().startsWith("/api/auth/");
        if ((cookieAuthenticated || startsSession) && !origins.isAllowed(origin, http.authority())) {
            return Optional.of(Response.status(403).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorBody.of("bad_origin", "Requests from this origin are not allowed.")).build());
        }
        return Optional.empty();
    }
}
