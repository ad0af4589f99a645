package echos.presence;

import java.time.Instant;

/** A user came online, or went offline after the grace period (then lastSeenAt is set). */
public record PresenceChanged(String userId, boolean online, Instant lastSeenAt) {
}
