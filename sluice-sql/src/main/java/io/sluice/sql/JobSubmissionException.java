package io.sluice.sql;

/** Flink refused or could not receive a compiled job; the message carries Flink's reason. */
public final class JobSubmissionException extends RuntimeException {
    public JobSubmissionException(String message, Throwable cause) {
        super(message, cause);
    }
}
