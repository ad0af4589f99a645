package echos.presence;

import java.time.Instant;

/** What one user is shown of another's presence: online, or offline with the last-seen time when known. */
public record PresenceShown(boolean online, Instant lastSeenAt) {

    /** How a user who hides their presence, or who is no contact, always looks: offline, never seen. */
    public static final PresenceShown HIDDEN = new PresenceShown(false, null);
}
