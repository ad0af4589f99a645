package echos.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import echos.chatty.ChattyJson;
import echos.common.error.ApiException;
import echos.user.UserResource.UserEnvelope;
import echos.user.UserStore;
import echos.user.User;
import echos.user.UserView;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** HTTP API for accounts: signup, login, logout, the current user, password change. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    /**
     * Echos' {user, token}, plus the account's fields at the top level in Chatty's names, because Chatty's frontend
     * takes the whole signup/login answer as the signed-in user.
     */
    public record AuthResponse(UserView user, String token, @JsonProperty("_id") String chattyId, String fullName, String email,
            String profilePic, String createdAt) {

        static AuthResponse of(User user, String token) {
            return new AuthResponse(UserView.of(user), token, user.id(), user.fullName(), user.email(), ChattyJson.profilePic(user),
                    ChattyJson.time(user.createdAt()));
        }
    }

    private final Signup signup;
    private final Login login;
    private final ChangePassword changePassword;
    private final SessionStore sessions;
    private final SessionIssuer issuer;
    private final SessionCookie cookie;
    private final UserStore users;
    private final Caller caller;
    private final Event<SessionsEnded> ended;

    public AuthResource(Signup signup, Login login, ChangePassword changePassword, SessionStore sessions,
            SessionIssuer issuer, SessionCookie cookie, UserStore users, Caller caller, Event<SessionsEnded> ended) {
        this.signup = signup;
        this.login = login;
        this.changePassword = changePassword;
        this.sessions = sessions;
        this.issuer = issuer;
        this.cookie = cookie;
        this.users = users;
        this.caller = caller;
        this.ended = ended;
    }

    @POST
    @Path("/signup")
    public Response signup(Signup.Request request, @Context HttpServerRequest http) {
        return started(201, signup.signUp(request, clientIp(http)));
    }

    @POST
    @Path("/login")
    public Response login(Login.Request request, @Context HttpServerRequest http) {
        return started(200, login.logIn(request, clientIp(http)));
    }

    /** Always succeeds, so a browser holding a stale cookie can still get rid of it. */
    @POST
    @Path("/logout")
    @Consumes(MediaType.WILDCARD)
    public Response logout() {
        caller.optionalSessionId().ifPresent(id -> {
            sessions.delete(id);
            ended.fire(SessionsEnded.one(id));
        });
        return Response.noContent().cookie(cookie.cleared()).build();
    }

    @GET
    @Path("/me")
    @Authenticated
    public UserEnvelope me() {
        return new UserEnvelope(UserView.of(users.findById(caller.userId()).orElseThrow(ApiException::unauthenticated)));
    }

    @PUT
    @Path("/password")
    @Authenticated
    public Response changePassword(ChangePassword.Request request) {
        changePassword.change(caller.userId(), caller.sessionId(), request);
        return Response.noContent().build();
    }

    private Response started(int status, Signup.Signed signed) {
        return Response.status(status)
                .entity(AuthResponse.of(signed.user(), signed.session().token()))
                .cookie(cookie.carrying(signed.session().token(), issuer.lifetime()))
                .build();
    }

    private static String clientIp(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
