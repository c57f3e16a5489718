package io.sluice.sql.window;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A call of a window function in a statement's text: where its name starts and its arguments. */
record WindowCall(int offset, List<String> arguments) {

    /** Every call of {@code name} (a whole word, case-insensitive) in {@code text}, outside string literals. */
    static List<WindowCall> find(String name, String text) {
        Pattern call = Pattern.compile("(?i)(?<![A-Za-z0-9_$])" + Pattern.quote(name) + "\\s*\\(");
        List<WindowCall> calls = new ArrayList<>();
        Matcher matcher = call.matcher(text);
        while (matcher.find()) {
            if (insideString(text, matcher.start())) {
                continue;
            }
            List<String> arguments = arguments(text, matcher.end());
            if (arguments != null) {
                calls.add(new WindowCall(matcher.start(), arguments));
            }
        }
        return calls;
    }

    private static boolean insideString(String text, int offset) {
        boolean inside = false;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\'') {
                inside = !inside;
            }
        }
        return inside;
    }

    /** The top-level, comma-separated arguments from just after the opening parenthesis; null if unclosed. */
    private static List<String> arguments(String text, int from) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = from;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                if (depth == 0) {
                    arguments.add(text.substring(start, i).trim());
                    return arguments;
                }
                depth--;
            } else if (!quoted && c == ',' && depth == 0) {
                arguments.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        return null;
    }
}
