package io.sluice.runtime.window;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;

/** A row as one JSON object of its named fields, for the late-rows output; timestamps as SQL text. */
public final class LateRowJson implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SQL_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final List<String> names;
    private final RowData.FieldGetter[] fields;

    public LateRowJson(List<String> names, List<RowData.FieldGetter> fields) {
        this.names = List.copyOf(names);
        this.fields = requireNonNull(fields, "fields is null").toArray(RowData.FieldGetter[]::new);
        if (this.names.size() != this.fields.length) {
            throw new IllegalArgumentException("names " + names + " do not match " + fields.size() + " fields");
        }
    }

    public String format(RowData row) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            quote(json, names.get(i));
            json.append(':');
            Object value = fields[i].getFieldOrNull(row);
            if (value == null) {
                json.append("null");
            } else if (value instanceof Number || value instanceof Boolean) {
                json.append(value);
            } else if (value instanceof TimestampData timestamp) {
                quote(json, SQL_TIMESTAMP.format(timestamp.toLocalDateTime()));
            } else {
                quote(json, value.toString());
            }
        }
        return json.append('}').toString();
    }

    private static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
