package echos.user;

import echos.auth.Caller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** HTTP API for the signed-in user's own profile. */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class UserResource {

    public record UserEnvelope(UserView user) {
    }

    private final UpdateProfile updateProfile;
    private final Caller caller;

    public UserResource(UpdateProfile updateProfile, Caller caller) {
        this.updateProfile = updateProfile;
        this.caller = caller;
    }

    @PATCH
    @Path("/me")
    public UserEnvelope updateMe(UpdateProfile.Request request) {
        return new UserEnvelope(UserView.of(updateProfile.update(caller.userId(), request)));
    }
}
