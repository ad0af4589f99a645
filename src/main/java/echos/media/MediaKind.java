package echos.media;

/** What an upload is for: a profile picture (visible to every signed-in user) or a message image. */
public enum MediaKind {
    AVATAR, MESSAGE;

    public String json() {
        return name().toLowerCase();
    }
}
