package echos.presence;

/** Told each presence transition once, outside the registry's locks. */
@FunctionalInterface
public interface PresenceListener {

    void changed(PresenceChanged change);
}
