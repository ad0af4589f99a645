package echos.common.error;

import java.util.Map;

/** The JSON shape of every error response: {"error":{"code","message","fields"}}. */
public record ErrorBody(Detail error) {

    public record Detail(String code, String message, Map<String, String> fields) {
    }

    public static ErrorBody of(String code, String message, Map<String, String> fields) {
        return new ErrorBody(new Detail(code, message, fields == null ? Map.of() : fields));
    }

    public static ErrorBody of(String code, String message) {
        return of(code, message, Map.of());
    }
}
