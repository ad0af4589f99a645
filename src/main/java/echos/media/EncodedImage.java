package echos.media;

/** Bytes of a re-encoded image with their type and size in pixels. */
public record EncodedImage(String contentType, String extension, byte[] bytes, int width, int height) {
}
