package io.sluice.server.deploy;

/** Flink could not take a savepoint; the job keeps running. */
public final class SavepointFailedException extends RuntimeException {
    public SavepointFailedException(String flinkJobId, String reason) {
        super("the savepoint of Flink job " + flinkJobId + " failed: " + reason);
    }
}
