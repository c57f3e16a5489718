package io.sluice.server.deploy;

import java.net.URI;

/** The Flink cluster did not answer as expected. */
public final class FlinkUnavailableException extends RuntimeException {
    public FlinkUnavailableException(URI restUrl, String detail) {
        super("Flink cluster at " + restUrl + ": " + detail);
    }
}
