package echos.media;

import echos.auth.Caller;
import echos.user.UserResource.UserEnvelope;
import echos.user.UserView;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** HTTP API for one's profile picture. */
@Path("/api/users/me/avatar")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AvatarResource {

    private final ChangeAvatar avatars;
    private final UploadMedia upload;
    private final Caller caller;

    public AvatarResource(ChangeAvatar avatars, UploadMedia upload, Caller caller) {
        this.avatars = avatars;
        this.upload = upload;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public UserEnvelope replace(@RestForm("file") FileUpload file) {
        return new UserEnvelope(UserView.of(avatars.replace(caller.userId(), MediaResource.read(file, upload.maxBytes()))));
    }

    @DELETE
    @Consumes(MediaType.WILDCARD)
    public UserEnvelope remove() {
        return new UserEnvelope(UserView.of(avatars.remove(caller.userId())));
    }
}
