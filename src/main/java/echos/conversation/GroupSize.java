package echos.conversation;

import echos.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How many members a group may have (GROUP_MAX_MEMBERS), the owner included. */
@ApplicationScoped
public class GroupSize {

    private final int max;

    public GroupSize(@ConfigProperty(name = "echos.group.max-members") int max) {
        if (max < 2) {
            throw new IllegalArgumentException("GROUP_MAX_MEMBERS must be at least 2, got " + max);
        }
        this.max = max;
    }

    public int max() {
        return max;
    }

    /** The validation message when a group would have this many members, or null when it may. */
    String problem(int members) {
        return members > max ? "A group has at most " + max + " members." : null;
    }

    /** @throws ApiException 400 validation_failed on this field when the group would be too large */
    void check(String field, int members) {
        String problem = problem(members);
        if (problem != null) {
            throw ApiException.validation(Map.of(field, problem));
        }
    }
}
