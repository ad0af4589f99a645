package echos.media;

import echos.common.error.ApiException;

/** Why an upload was refused, as the API error it becomes. */
final class ImageRejected {

    private ImageRejected() {
    }

    static ApiException unsupported() {
        return new ApiException(415, "unsupported_media_type", "Only JPEG, PNG, WebP and GIF images are accepted.");
    }

    static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "too_large", "Images may be at most " + (maxBytes / (1024 * 1024)) + " MB.");
    }

    static ApiException invalid(String why) {
        return new ApiException(422, "invalid_image", "This image cannot be used: " + why + ".");
    }
}
