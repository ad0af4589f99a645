package echos.user;

import echos.auth.Caller;
import io.quarkus.security.Authenticated;
import echos.common.error.ApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** HTTP API for the signed-in user's own profile, and for finding other users by name or whole email. */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class UserResource {

    public record UserEnvelope(UserView user) {
    }

    /** What anyone signed in may see of another user. */
    public record PublicUser(String id, String fullName, String avatarUrl) {
    }

    public record SearchResult(List<PublicUser> users) {
    }

    static final int SEARCH_MAX = 50;

    private final UpdateProfile updateProfile;
    private final UserStore users;
    private final Caller caller;
    private final UserSearchLimit searchLimit;

    public UserResource(UpdateProfile updateProfile, UserStore users, Caller caller, UserSearchLimit searchLimit) {
        this.updateProfile = updateProfile;
        this.users = users;
        this.caller = caller;
        this.searchLimit = searchLimit;
    }

    @GET
    public SearchResult search(@QueryParam("query") String query, @QueryParam("limit") String limit) {
        int size;
        try {
            size = limit == null ? 20 : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > SEARCH_MAX) {
            throw ApiException.validation(Map.of("limit", "limit must be between 1 and " + SEARCH_MAX + "."));
        }
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return new SearchResult(List.of());
        }
        searchLimit.take(caller.userId());
        return new SearchResult(users.search(q, caller.userId(), size).stream()
                .map(u -> new PublicUser(u.id(), u.fullName(), u.avatarUrl())).toList());
    }

    @PATCH
    @Path("/me")
    public UserEnvelope updateMe(UpdateProfile.Request request) {
        return new UserEnvelope(UserView.of(updateProfile.update(caller.userId(), request)));
    }
}
