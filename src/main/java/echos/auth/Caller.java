package echos.auth;

import echos.common.error.ApiException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** Who is making the current request, as established by {@link SessionCheck}. */
@RequestScoped
public class Caller {

    private final CurrentIdentityAssociation identities;

    public Caller(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    public String userId() {
        return attribute(SessionCheck.USER_ID);
    }

    public String sessionId() {
        return attribute(SessionCheck.SESSION_ID);
    }

    /** The session id if the request carries a live token; never fails, for endpoints open to everyone. */
    public Optional<String> optionalSessionId() {
        try {
            SecurityIdentity identity = identities.getDeferredIdentity().await().indefinitely();
            return Optional.ofNullable(identity.getAttribute(SessionCheck.SESSION_ID));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private String attribute(String name) {
        String value = identities.getIdentity().getAttribute(name);
        if (value == null) {
            throw ApiException.unauthenticated();
        }
        return value;
    }
}
