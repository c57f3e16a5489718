package io.sluice.cli.client;

/** One error (or warning) in a SQL script, with its 1-based line and column when the server knows them. */
public record SqlProblem(Integer line, Integer column, String message) {

    /** {@code FILE:LINE:COLUMN: message}, the form editors and CI logs link to the source. */
    public String format(String source) {
        StringBuilder text = new StringBuilder(source);
        if (line != null && line > 0) {
            text.append(':').append(line);
            if (column != null && column > 0) {
                text.append(':').append(column);
            }
        }
        return text.append(": ").append(message).toString();
    }
}
