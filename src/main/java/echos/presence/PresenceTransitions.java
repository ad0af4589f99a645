package echos.presence;

import echos.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/** What the application does on a transition: stores last-seen on going offline, then fires the CDI event. */
@ApplicationScoped
public class PresenceTransitions implements PresenceListener {

    private final UserStore users;
    private final Event<PresenceChanged> changes;

    public PresenceTransitions(UserStore users, Event<PresenceChanged> changes) {
        this.users = users;
        this.changes = changes;
    }

    @Override
    public void changed(PresenceChanged change) {
        if (!change.online() && change.lastSeenAt() != null) {
            users.updateLastSeen(change.userId(), change.lastSeenAt());
        }
        changes.fire(change);
    }
}
