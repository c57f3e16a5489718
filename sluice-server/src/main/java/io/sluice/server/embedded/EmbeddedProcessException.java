package io.sluice.server.embedded;

/** An embedded child process (Flink JobManager or TaskManager, Kafka broker) failed; the message names it and its log file. */
public final class EmbeddedProcessException extends RuntimeException {
    public EmbeddedProcessException(String message) {
        super(message);
    }

    public EmbeddedProcessException(String message, Throwable cause) {
        super(message, cause);
    }
}
