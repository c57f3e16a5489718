package io.sluice.runtime.retraction;

import org.apache.flink.table.data.RowData;

/** How to read a row a regular join emitted: left fields, then right fields, one side NULL-padded if unmatched. */
final class JoinOutputRows {
    private JoinOutputRows() {}

    static boolean allNull(RowData row, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!row.isNullAt(i)) {
                return false;
            }
        }
        return true;
    }
}
