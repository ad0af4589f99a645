package echos.conversation;

import echos.common.error.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** How long a member mutes a conversation for: one hour, eight hours, or until unmuted. */
public enum Mute {
    HOUR("1h", Duration.ofHours(1)), EIGHT_HOURS("8h", Duration.ofHours(8)), ALWAYS("always", null);

    /** The stored "until" of a mute without an end; far enough that no clock reaches it. */
    public static final Instant FOREVER = Instant.ofEpochMilli(Long.MAX_VALUE);

    private final String json;
    private final Duration length;

    Mute(String json, Duration length) {
        this.json = json;
        this.length = length;
    }

    public static Mute parse(String duration) {
        for (Mute m : values()) {
            if (m.json.equals(duration)) {
                return m;
            }
        }
        throw ApiException.validation(Map.of("duration", "Choose 1h, 8h or always."));
    }

    public Instant until(Instant now) {
        return length == null ? FOREVER : now.plus(length);
    }
}
