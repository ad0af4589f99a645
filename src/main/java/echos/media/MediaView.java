package echos.media;

/** The JSON answer to an upload. */
public record MediaView(String id, String url, String thumbnailUrl, int width, int height, String contentType, long size) {

    public static MediaView of(Media m) {
        return new MediaView(m.id(), m.url(), m.thumbnailUrl(), m.width(), m.height(), m.contentType(), m.size());
    }
}
