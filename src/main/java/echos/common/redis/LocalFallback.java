package echos.common.redis;

import org.jboss.logging.Logger;

/**
 * The state of a Redis-backed part that falls back to this node alone while Redis is unreachable: it logs one
 * warning when the part goes local and one line when it is shared again, never one per call.
 */
public final class LocalFallback {

    private final Logger log;
    private final String event;
    private final String hint;
    private volatile boolean local;

    /**
     * @param event the event name prefix ({@code presence} logs {@code presence_local} and {@code presence_shared_again}),
     *              optionally followed by fields ({@code "budget name=send"})
     * @param hint  what the fallback means for users, for the warning
     */
    public LocalFallback(Logger log, String event, String hint) {
        this.log = log;
        this.event = event;
        this.hint = hint;
    }

    /** Redis answered. */
    public void shared() {
        if (local) {
            local = false;
            log.infof("event=%s", withSuffix("_shared_again"));
        }
    }

    /** Redis did not answer; the caller now serves from this node's own state. */
    public void local(Exception cause) {
        if (!local) {
            local = true;
            log.warnf("event=%s reason=\"%s\" hint=\"%s\"", withSuffix("_local"), cause.getMessage(), hint);
        }
    }

    private String withSuffix(String suffix) {
        int space = event.indexOf(' ');
        return space < 0 ? event + suffix : event.substring(0, space) + suffix + event.substring(space);
    }
}
