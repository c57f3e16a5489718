package io.sluice.runtime.window;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.table.data.RowData;

/**
 * Keys a row by some of its fields, as one string: each value length-prefixed so that no two
 * different field tuples give the same key. Used where Sluice re-keys a planned stream by fields
 * that the planner's own key does not cover (e.g. group key plus window start).
 */
public final class RowFieldsKey implements KeySelector<RowData, String> {
    private static final long serialVersionUID = 1L;

    private final RowData.FieldGetter[] fields;

    public RowFieldsKey(List<RowData.FieldGetter> fields) {
        this.fields = requireNonNull(fields, "fields is null").toArray(RowData.FieldGetter[]::new);
    }

    @Override
    public String getKey(RowData row) {
        StringBuilder key = new StringBuilder();
        for (RowData.FieldGetter field : fields) {
            Object value = field.getFieldOrNull(row);
            if (value == null) {
                key.append("-1:");
            } else {
                String text = value.toString();
                key.append(text.length()).append(':').append(text);
            }
        }
        return key.toString();
    }
}
