package io.sluice.cli;

import java.util.List;

/**
 * An error the user can act on; its message is printed as is, without a stack trace.
 */
public class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The lines printed on stderr; one unless the error lists several problems. */
    public List<String> lines() {
        return List.of(getMessage());
    }
}
