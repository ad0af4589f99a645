package echos.user;

/** A user turned "Show when I'm online" on or off; fired after the change is stored. */
public record ShowOnlineChanged(String userId, boolean showOnline) {
}
