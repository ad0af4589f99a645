package echos.common.error;

import java.util.Map;

/**
 * The JSON shape of every error response: {"error":{"code","message","fields"},"message"}. The top-level message
 * repeats error.message for clients that read only that key (Chatty's frontend toasts {@code data.message}).
 */
public record ErrorBody(Detail error, String message) {

    public record Detail(String code, String message, Map<String, String> fields) {
    }

    public static ErrorBody of(String code, String message, Map<String, String> fields) {
        return new ErrorBody(new Detail(code, message, fields == null ? Map.of() : fields), message);
    }

    public static ErrorBody of(String code, String message) {
        return of(code, message, Map.of());
    }
}
