package io.sluice.sql.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the attributes of an operator's plan description as Flink's planner writes it, e.g.
 * {@code GlobalWindowAggregate(groupBy=[page], window=[CUMULATE(...)], select=[page, COUNT(*) AS pv])}.
 */
final class PlanDescription {
    private PlanDescription() {
    }

    /** The operator's text without the planner's node number prefix, e.g. {@code [5]:}; null stays null. */
    static String operator(String description) {
        return description == null ? null : description.replaceFirst("^\\[\\d+]:", "");
    }

    /** The text between the brackets of {@code name=[...]}, brackets inside it balanced. */
    static Optional<String> attribute(String description, String name) {
        String marker = name + "=[";
        int at = description.indexOf(marker);
        while (at > 0 && Character.isLetterOrDigit(description.charAt(at - 1))) {
            at = description.indexOf(marker, at + 1);
        }
        if (at < 0) {
            return Optional.empty();
        }
        int start = at + marker.length();
        int depth = 0;
        for (int i = start; i < description.length(); i++) {
            char c = description.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                if (depth == 0) {
                    return Optional.of(description.substring(start, i));
                }
                depth--;
            }
        }
        return Optional.empty();
    }

    /** A list attribute's items, split at top-level commas. */
    static List<String> items(String list) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(list.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (!list.isBlank()) {
            items.add(list.substring(start).trim());
        }
        return items;
    }

    /** The output name of a select item: its alias after {@code AS}, or the item itself. */
    static String outputName(String item) {
        int as = item.lastIndexOf(" AS ");
        return as < 0 ? item.trim() : item.substring(as + 4).trim();
    }
}
