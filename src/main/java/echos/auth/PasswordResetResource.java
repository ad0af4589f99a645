package echos.auth;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** HTTP API for forgotten passwords: ask for a link by email, then set a new password with its token. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PasswordResetResource {

    static final String SENT = "If an account exists for that email, we sent a link to reset the password.";

    public record ForgotRequest(String email) {
    }

    public record ResetRequest(String token, String newPassword) {
    }

    private final PasswordReset reset;

    public PasswordResetResource(PasswordReset reset) {
        this.reset = reset;
    }

    @POST
    @Path("/forgot-password")
    public Response forgot(ForgotRequest request, @Context HttpServerRequest http) {
        reset.requestLink(request == null ? null : request.email(), http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
        return Response.accepted(Map.of("message", SENT)).build();
    }

    @POST
    @Path("/reset-password")
    public Response reset(ResetRequest request) {
        ResetRequest r = request == null ? new ResetRequest(null, null) : request;
        reset.reset(r.token(), r.newPassword());
        return Response.noContent().build();
    }
}
