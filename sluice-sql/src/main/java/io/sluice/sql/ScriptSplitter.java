package io.sluice.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at semicolons that stand outside quotes and comments,
 * remembering where each statement starts so that errors point into the whole script.
 */
public final class ScriptSplitter {

    public List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        Cursor cursor = new Cursor(script);
        while (true) {
            cursor.skipBlankAndComments();
            if (cursor.atEnd()) {
                return List.copyOf(statements);
            }
            int start = cursor.offset;
            int line = cursor.line;
            int column = cursor.column;
            int end = cursor.advanceToStatementEnd();
            String text = script.substring(start, end).stripTrailing();
            if (!text.isEmpty()) {
                statements.add(new Statement(text, line, column));
            }
        }
    }

    private static final class Cursor {
        private final String text;
        private int offset;
        private int line = 1;
        private int column = 1;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return offset >= text.length();
        }

        void skipBlankAndComments() {
            while (!atEnd()) {
                char c = text.charAt(offset);
                if (Character.isWhitespace(c) || c == ';') {
                    step();
                } else if (startsWith("--")) {
                    skipLineComment();
                } else if (startsWith("/*")) {
                    skipBlockComment();
                } else {
                    return;
                }
            }
        }

        /** Moves past the statement's terminating semicolon; returns the offset where the statement ends. */
        int advanceToStatementEnd() {
            while (!atEnd()) {
                char c = text.charAt(offset);
                if (c == ';') {
                    int end = offset;
                    step();
                    return end;
                } else if (c == '\'' || c == '"' || c == '`') {
                    skipQuoted(c);
                } else if (startsWith("--")) {
                    skipLineComment();
                } else if (startsWith("/*")) {
                    skipBlockComment();
                } else {
                    step();
                }
            }
            return offset;
        }

        private void skipQuoted(char quote) {
            step();
            while (!atEnd()) {
                char c = text.charAt(offset);
                step();
                if (c == quote) {
                    // a doubled quote is an escaped quote inside the literal
                    if (!atEnd() && text.charAt(offset) == quote) {
                        step();
                    } else {
                        return;
                    }
                }
            }
        }

        private void skipLineComment() {
            while (!atEnd() && text.charAt(offset) != '\n') {
                step();
            }
        }

        private void skipBlockComment() {
            step();
            step();
            while (!atEnd() && !startsWith("*/")) {
                step();
            }
            if (!atEnd()) {
                step();
                step();
            }
        }

        private boolean startsWith(String prefix) {
            return text.startsWith(prefix, offset);
        }

        private void step() {
            if (text.charAt(offset) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            offset++;
        }
    }
}
