package io.sluice.sql;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * One statement of a script, without its terminating semicolon, starting at its first token.
 * {@code line} and {@code column} are where that token stands in the script (1-based).
 */
public record Statement(String text, int line, int column) {
    public Statement {
        requireNonNull(text, "text is null");
    }

    public Kind kind() {
        String head = firstWords(3);
        if (head.startsWith("INSERT ")) {
            return Kind.INSERT;
        }
        if (head.startsWith("SET ") || head.equals("SET")) {
            return Kind.SET;
        }
        if (head.startsWith("BEGIN STATEMENT SET") || head.equals("END")) {
            return Kind.STATEMENT_SET_MARKER;
        }
        if (head.startsWith("SELECT ") || head.startsWith("WITH ") || head.startsWith("VALUES")) {
            return Kind.QUERY;
        }
        return Kind.DDL;
    }

    /**
     * Maps a position reported by Flink for this statement alone (1-based) to the script's position.
     */
    public SqlError errorAt(int statementLine, int statementColumn, String message) {
        if (statementLine <= 1) {
            return new SqlError(line, column + Math.max(statementColumn, 1) - 1, message);
        }
        return new SqlError(line + statementLine - 1, statementColumn, message);
    }

    public SqlError errorAtStart(String message) {
        return new SqlError(line, column, message);
    }

    /** The position of a character offset inside this statement, in script coordinates. */
    public SqlError errorAtOffset(int offset, String message) {
        int statementLine = 1;
        int statementColumn = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                statementLine++;
                statementColumn = 1;
            } else {
                statementColumn++;
            }
        }
        return errorAt(statementLine, statementColumn, message);
    }

    private String firstWords(int count) {
        String[] words = text.trim().split("\\s+", count + 1);
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < Math.min(count, words.length); i++) {
            if (i > 0) {
                head.append(' ');
            }
            head.append(words[i].toUpperCase(Locale.ROOT));
        }
        return head.toString();
    }

    public enum Kind {
        DDL,
        INSERT,
        SET,
        QUERY,
        /** {@code BEGIN STATEMENT SET;} and {@code END;} of the SQL client: every script is one statement set anyway. */
        STATEMENT_SET_MARKER
    }
}
