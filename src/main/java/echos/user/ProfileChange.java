package echos.user;

/** A partial profile update: null fields are left as they are. */
public record ProfileChange(String fullName, String bio, Boolean showOnline) {
}
