package echos.common.error;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects per-field validation messages and fails with one validation_failed error holding them all. */
public final class FieldErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    public FieldErrors add(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    public FieldErrors addIfPresent(String field, String messageOrNull) {
        return messageOrNull == null ? this : add(field, messageOrNull);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }
}
