package echos.common.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every exception that reaches the HTTP layer to the JSON error shape; never leaks a stack trace. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    private final boolean production;

    public ErrorMappers(@ConfigProperty(name = "echos.node-env") String nodeEnv) {
        this.production = "production".equalsIgnoreCase(nodeEnv.trim());
    }

    @ServerExceptionMapper
    public Response apiError(ApiException e) {
        Response.ResponseBuilder response = json(e.status(), ErrorBody.of(e.code(), e.getMessage(), e.fields()));
        if (e.retryAfterSeconds() > 0) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        if (e.status() == 413) {
            // the rest of an oversized body is never read, so the connection cannot carry another request
            response.header("Connection", "close");
        }
        return response.build();
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            JsonMappingException.class})
    public Response malformedJson(Exception e) {
        return apiError(ApiException.malformedJson());
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e) {
        return apiError(ApiException.unauthenticated());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return json(403, ErrorBody.of("forbidden", "You are not allowed to do this.")).build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        String code = switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> "http_" + status;
        };
        return json(status, ErrorBody.of(code, Response.Status.fromStatusCode(status) == null
                ? "Request refused." : Response.Status.fromStatusCode(status).getReasonPhrase() + ".")).build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "event=unexpected_error error_id=%s", errorId);
        String message = production ? "Something went wrong. Error id " + errorId + "."
                : "Something went wrong: " + e.getClass().getSimpleName() + ". Error id " + errorId + ".";
        return json(500, ErrorBody.of("internal_error", message)).build();
    }

    private static Response.ResponseBuilder json(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    }
}
