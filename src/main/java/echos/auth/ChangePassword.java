package echos.auth;

import echos.common.error.ApiException;
import echos.common.error.FieldErrors;
import echos.user.Credentials;
import echos.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.Map;
import org.jboss.logging.Logger;

/** Replaces a password after checking the current one, and signs out every other session of the user. */
@ApplicationScoped
public class ChangePassword {

    private static final Logger LOG = Logger.getLogger(ChangePassword.class);

    public record Request(String currentPassword, String newPassword) {
    }

    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final Event<SessionsEnded> ended;

    public ChangePassword(UserStore users, SessionStore sessions, PasswordHasher hasher, Event<SessionsEnded> ended) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.ended = ended;
    }

    public void change(String userId, String currentSessionId, Request request) {
        Request r = request == null ? new Request(null, null) : request;
        new FieldErrors()
                .addIfPresent("currentPassword", r.currentPassword() == null || r.currentPassword().isEmpty()
                        ? "Current password is required." : null)
                .addIfPresent("newPassword", CredentialRules.passwordProblem(r.newPassword()))
                .throwIfAny();
        Credentials credentials = users.findCredentialsById(userId).orElseThrow(ApiException::unauthenticated);
        if (!hasher.matches(r.currentPassword(), credentials.passwordHash())) {
            throw new ApiException(401, "invalid_credentials", "The current password is wrong.",
                    Map.of("currentPassword", "The current password is wrong."), 0);
        }
        users.updatePasswordHash(userId, hasher.hash(r.newPassword()));
        int revoked = sessions.deleteAllOfUserExcept(userId, currentSessionId);
        ended.fire(SessionsEnded.allOf(userId, currentSessionId));
        LOG.infof("event=password_changed user=%s revoked_sessions=%d", userId, revoked);
    }
}
