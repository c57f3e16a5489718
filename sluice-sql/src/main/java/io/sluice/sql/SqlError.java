package io.sluice.sql;

import static java.util.Objects.requireNonNull;

/** One problem in a script, at a 1-based line and column of the whole script. */
public record SqlError(int line, int column, String message) {
    public SqlError {
        requireNonNull(message, "message is null");
    }

    @Override
    public String toString() {
        return line + ":" + column + ": " + message;
    }
}
