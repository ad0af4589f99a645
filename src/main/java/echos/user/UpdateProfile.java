package echos.user;

import echos.common.error.ApiException;
import echos.common.error.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;

/** Changes the name and bio of one's own profile; fields left out of the request stay as they are. */
@ApplicationScoped
public class UpdateProfile {

    public record Request(String fullName, String bio) {
    }

    private final UserStore users;

    public UpdateProfile(UserStore users) {
        this.users = users;
    }

    public User update(String userId, Request request) {
        Request r = request == null ? new Request(null, null) : request;
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
        return users.updateProfile(userId, new ProfileChange(fullName, bio)).orElseThrow(ApiException::unauthenticated);
    }
}
