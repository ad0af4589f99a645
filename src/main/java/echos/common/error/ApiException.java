package echos.common.error;

import java.util.Map;

/**
 * The one error type of the API: an HTTP status, a stable machine-readable code, a human message and optional
 * per-field messages. Rendered as {"error":{"code","message","fields"},"message"} by {@link ErrorMappers}.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Map<String, String> fields;
    private final long retryAfterSeconds;

    public ApiException(int status, String code, String message, Map<String, String> fields, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = fields == null ? Map.of() : Map.copyOf(fields);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of(), 0);
    }

    public static ApiException validation(Map<String, String> fields) {
        return new ApiException(400, "validation_failed", "Some fields are not valid.", fields, 0);
    }

    public static ApiException malformedJson() {
        return new ApiException(400, "malformed_json", "The request body is not valid JSON of the expected shape.");
    }

    public static ApiException unauthenticated() {
        return new ApiException(401, "unauthenticated", "You need to log in.");
    }

    public static ApiException notFound() {
        return new ApiException(404, "not_found", "Not found.");
    }

    /** 429 with Retry-After: the wait rounded up to whole seconds, at least one. */
    public static ApiException rateLimited(java.time.Duration wait) {
        return rateLimited(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    public static ApiException rateLimited(long retryAfterSeconds) {
        return new ApiException(429, "rate_limited", "Too many attempts. Try again in " + retryAfterSeconds + " s.",
                Map.of(), retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> fields() {
        return fields;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
