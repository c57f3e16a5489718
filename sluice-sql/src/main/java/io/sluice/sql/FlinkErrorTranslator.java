package io.sluice.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sluice.sql.catalog.ConnectionExpandingCatalog;
import io.sluice.sql.catalog.UnknownConnectionException;

/**
 * Turns an exception Flink raised for one statement into an error at a position of the whole script:
 * Flink counts lines and columns from the start of the statement it was given.
 */
final class FlinkErrorTranslator {
    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");
    private static final Pattern CONNECTION_OPTION = Pattern.compile(
            "'" + ConnectionExpandingCatalog.CONNECTION_OPTION + "'\\s*=\\s*'", Pattern.CASE_INSENSITIVE);

    private final SecretMask mask;

    FlinkErrorTranslator(SecretMask mask) {
        this.mask = mask;
    }

    SqlError translate(Statement statement, Throwable failure) {
        UnknownConnectionException unknownConnection = find(failure, UnknownConnectionException.class);
        if (unknownConnection != null) {
            Matcher option = CONNECTION_OPTION.matcher(statement.text());
            return option.find()
                    ? statement.errorAtOffset(option.start(), unknownConnection.getMessage())
                    : statement.errorAtStart(unknownConnection.getMessage());
        }
        String message = mask.apply(describe(failure));
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher position = t.getMessage() == null ? null : POSITION.matcher(t.getMessage());
            if (position != null && position.find()) {
                SqlError at = statement.errorAt(Integer.parseInt(position.group(1)), Integer.parseInt(position.group(2)), "");
                return new SqlError(at.line(), at.column(), toScriptPositions(statement, message));
            }
        }
        return statement.errorAtStart(message);
    }

    /** The most telling line of the failure: Flink's own message, cut before long lists of expected tokens. */
    private static String describe(Throwable failure) {
        Throwable shown = failure;
        // "Could not execute CreateTable" style wrappers hide the reason in the cause
        while (shown.getCause() != null && (shown.getMessage() == null
                || shown.getMessage().startsWith("Could not execute")
                || shown.getMessage().startsWith("Unable to create a s"))) {
            shown = shown.getCause();
        }
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        int expecting = message.indexOf("\nWas expecting");
        if (expecting > 0) {
            message = message.substring(0, expecting);
        }
        if (shown != failure && shown.getCause() != null && shown.getCause().getMessage() != null
                && !message.contains(shown.getCause().getMessage())) {
            message = message + ": " + firstLine(shown.getCause().getMessage());
        }
        if (message.contains("Unsupported options") && message.contains(ConnectionExpandingCatalog.CONNECTION_OPTION)) {
            message = message + "\n'connection' is expanded only in CREATE TABLE (not TEMPORARY)";
        }
        if (message.contains("window table function based aggregate doesn't support early-fire and late-fire")) {
            message = message + "\n'sluice.window.allowed-lateness' works with the group-window form: "
                    + "GROUP BY key, TUMBLE(time_column, INTERVAL ...) selecting TUMBLE_START(time_column, INTERVAL ...)";
        }
        // Flink 2.2 repeats this prefix when it wraps Calcite's validation error
        return message.replace("SQL validation failed. SQL validation failed.", "SQL validation failed.").strip();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String toScriptPositions(Statement statement, String message) {
        Matcher matcher = POSITION.matcher(message);
        StringBuilder rewritten = new StringBuilder();
        while (matcher.find()) {
            SqlError at = statement.errorAt(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), "");
            matcher.appendReplacement(rewritten, "line " + at.line() + ", column " + at.column());
        }
        matcher.appendTail(rewritten);
        return rewritten.toString();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
