package echos.chatty;

import echos.auth.Caller;
import echos.chatty.ChattyJson.Account;
import echos.common.error.ApiException;
import echos.media.ChangeAvatar;
import echos.user.UserStore;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Chatty's account endpoints that Echos' own API has under other names: the session check and the profile picture. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ChattyAuthResource {

    static final String PROFILE_PIC_REQUIRED = "Profile pic is required";

    /** The body of {@code PUT /api/auth/update-profile}: the new picture as a data URL. */
    public record ProfileUpdate(String profilePic) {
    }

    private final UserStore users;
    private final ChangeAvatar avatars;
    private final Caller caller;

    public ChattyAuthResource(UserStore users, ChangeAvatar avatars, Caller caller) {
        this.users = users;
        this.avatars = avatars;
        this.caller = caller;
    }

    @GET
    @Path("/check")
    public Account check() {
        return Account.of(users.findById(caller.userId()).orElseThrow(ApiException::unauthenticated));
    }

    /** Stored as the multipart avatar endpoint stores it: same size limit, same pipeline, the old picture removed. */
    @PUT
    @Path("/update-profile")
    public Account updateProfile(ProfileUpdate request) {
        String profilePic = request == null ? null : request.profilePic();
        if (profilePic == null || profilePic.isEmpty()) {
            throw new ApiException(400, "validation_failed", PROFILE_PIC_REQUIRED, Map.of("profilePic", PROFILE_PIC_REQUIRED), 0);
        }
        return Account.of(avatars.replace(caller.userId(), DataUrl.imageBytes("profilePic", profilePic)));
    }
}
