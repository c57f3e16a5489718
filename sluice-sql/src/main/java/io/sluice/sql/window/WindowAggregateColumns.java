package io.sluice.sql.window;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

import io.sluice.runtime.window.RowFieldsKey;

/**
 * Which columns of a planned window aggregate's output are group keys, window bounds and aggregate
 * values, read from its plan description (e.g. {@code groupBy=[page], select=[page, COUNT(*) AS pv,
 * start('w$) AS window_start, end('w$) AS window_end]}); positions in its output row. A missing
 * window bound is -1.
 */
record WindowAggregateColumns(RowType rowType, List<Integer> keys, int windowStart, int windowEnd, List<Integer> aggregates) {

    static WindowAggregateColumns of(String description, RowType rowType) {
        List<String> groupBy = PlanDescription.attribute(description, "groupBy").map(PlanDescription::items).orElse(List.of());
        List<String> select = PlanDescription.items(PlanDescription.attribute(description, "select").orElseThrow(
                () -> new IllegalStateException("no select list in " + description)));
        if (select.size() != rowType.getFieldCount()) {
            throw new IllegalStateException("the select list of " + description + " does not match its row type " + rowType);
        }
        List<Integer> keys = new ArrayList<>();
        List<Integer> aggregates = new ArrayList<>();
        int windowStart = -1;
        int windowEnd = -1;
        for (int i = 0; i < select.size(); i++) {
            String item = select.get(i);
            if (item.startsWith("start(")) {
                windowStart = i;
            } else if (item.startsWith("end(")) {
                windowEnd = i;
            } else if (groupBy.contains(item)) {
                keys.add(i);
            } else if (!item.startsWith("rowtime(") && !item.startsWith("proctime(")) {
                aggregates.add(i);
            }
        }
        return new WindowAggregateColumns(rowType, List.copyOf(keys), windowStart, windowEnd, List.copyOf(aggregates));
    }

    RowData.FieldGetter field(int position) {
        return RowData.createFieldGetter(rowType.getTypeAt(position), position);
    }

    /** Keys a row by its group key and window start: one entry per window and key. */
    RowFieldsKey keyAndWindow() {
        List<RowData.FieldGetter> fields = new ArrayList<>();
        keys.forEach(key -> fields.add(field(key)));
        fields.add(field(windowStart));
        return new RowFieldsKey(fields);
    }

    /** The group key's column names, for explain. */
    String describeKey() {
        List<String> names = new ArrayList<>();
        keys.forEach(key -> names.add(rowType.getFieldNames().get(key)));
        return names.isEmpty() ? "window only" : String.join(", ", names);
    }
}
