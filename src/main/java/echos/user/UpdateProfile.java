package echos.user;

import echos.common.error.ApiException;
import echos.common.error.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Changes the name, bio and "show when I'm online" setting of one's own profile; fields left out of the request
 * stay as they are.
 */
@ApplicationScoped
public class UpdateProfile {

    public record Request(String fullName, String bio, Boolean showOnline) {
    }

    private final UserStore users;
    private final Event<ShowOnlineChanged> showOnlineChanges;

    public UpdateProfile(UserStore users, Event<ShowOnlineChanged> showOnlineChanges) {
        this.users = users;
        this.showOnlineChanges = showOnlineChanges;
    }

    public User update(String userId, Request request) {
        Request r = request == null ? new Request(null, null, null) : request;
        String fullName = ProfileRules.trim(r.fullName());
        String bio = r.bio() == null ? null : r.bio().replace("\r\n", "\n").strip();
        FieldErrors errors = new FieldErrors();
        if (fullName != null) {
            errors.addIfPresent("fullName", ProfileRules.fullNameProblem(fullName));
        }
        if (bio != null) {
            errors.addIfPresent("bio", ProfileRules.bioProblem(bio));
        }
        errors.throwIfAny();
        Boolean showedOnline = r.showOnline() == null ? null : users.findById(userId).map(User::showOnline).orElse(null);
        User updated = users.updateProfile(userId, new ProfileChange(fullName, bio, r.showOnline()))
                .orElseThrow(ApiException::unauthenticated);
        if (showedOnline != null && updated.showOnline() != showedOnline) {
            showOnlineChanges.fire(new ShowOnlineChanged(userId, updated.showOnline()));
        }
        return updated;
    }
}
