package io.sluice.sql.preview;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one INSERT's query produced on the sample: its changes in order and the table they leave
 * behind. {@code complete} is false when the query was stopped by a limit, which {@code note} names.
 */
public record SinkPreview(String table, List<String> columns, List<ChangelogRow> changelog, List<List<Object>> finalRows,
        boolean complete, String note) {
    public SinkPreview {
        columns = List.copyOf(columns);
        changelog = List.copyOf(changelog);
        finalRows = finalRows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
    }
}
