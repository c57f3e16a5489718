package io.sluice.sql.preview;

/** A preview could not run or its query failed; the message says which table or statement and why. */
public final class PreviewException extends RuntimeException {
    public PreviewException(String message, Throwable cause) {
        super(message, cause);
    }

    public PreviewException(String message) {
        super(message);
    }
}
