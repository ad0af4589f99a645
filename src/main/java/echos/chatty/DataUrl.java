package echos.chatty;

import echos.common.error.ApiException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the images Chatty's frontend sends: {@code FileReader.readAsDataURL} output, {@code data:image/<type>;base64,<data>}.
 * Only the form is checked here; whether the bytes are an acceptable image is the image pipeline's call, as for any
 * upload. Remote URLs are refused: Echos fetches nothing on a client's behalf.
 */
final class DataUrl {

    static final String INVALID = "invalid_data_url";

    private static final Pattern IMAGE = Pattern.compile("data:(image/[a-z0-9.+-]+)((?:;[a-z0-9-]+=[^;,]*)*);base64,", Pattern.CASE_INSENSITIVE);

    private DataUrl() {
    }

    /** @throws ApiException 400 {@value #INVALID} naming the field when the value is not a base64 image data URL */
    static byte[] imageBytes(String field, String value) {
        Matcher head = IMAGE.matcher(value);
        if (!head.lookingAt()) {
            throw invalid(field, field + " must be an image as a data URL (data:image/...;base64,...).");
        }
        try {
            return Base64.getDecoder().decode(value.substring(head.end()));
        } catch (IllegalArgumentException e) {
            throw invalid(field, field + " is not valid base64 after \"" + head.group(1).toLowerCase(Locale.ROOT) + ";base64,\".");
        }
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(400, INVALID, message, Map.of(field, message), 0);
    }
}
