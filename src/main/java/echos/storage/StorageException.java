package echos.storage;

/** A storage failure the caller cannot fix (lost connection, broken SQL). Mapped to a 500 without details. */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
