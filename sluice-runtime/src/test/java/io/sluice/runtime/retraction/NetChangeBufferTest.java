package io.sluice.runtime.retraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/**
 * The buffer on an aggregation's changelog (group key, count), run as a small local Flink job. The
 * interval is an hour, so every key's net change goes out at the end of the bounded input.
 */
class NetChangeBufferTest {
    private static final InternalTypeInfo<RowData> COUNTS = InternalTypeInfo.of(RowType.of(
            new VarCharType(VarCharType.MAX_LENGTH), new BigIntType()));

    @Test
    void eachKeySendsOnlyItsNetChange() throws Exception {
        List<String> out = run(
                // a new key updated twice: one insert of the last value
                row(RowKind.INSERT, "a", 1), row(RowKind.UPDATE_BEFORE, "a", 1), row(RowKind.UPDATE_AFTER, "a", 2),
                // a key the downstream has, back where it began: nothing
                row(RowKind.UPDATE_BEFORE, "b", 5), row(RowKind.UPDATE_AFTER, "b", 6),
                row(RowKind.UPDATE_BEFORE, "a", 2), row(RowKind.UPDATE_AFTER, "a", 3),
                row(RowKind.UPDATE_BEFORE, "b", 6), row(RowKind.UPDATE_AFTER, "b", 5),
                // updated, then deleted: a delete of what the downstream has
                row(RowKind.UPDATE_BEFORE, "c", 1), row(RowKind.UPDATE_AFTER, "c", 2), row(RowKind.DELETE, "c", 2),
                // an upsert stream (no update-before): the last value
                row(RowKind.UPDATE_AFTER, "d", 7), row(RowKind.UPDATE_AFTER, "d", 8),
                // updated twice: one pair from the first to the last value
                row(RowKind.UPDATE_BEFORE, "e", 1), row(RowKind.UPDATE_AFTER, "e", 2),
                row(RowKind.UPDATE_BEFORE, "e", 2), row(RowKind.UPDATE_AFTER, "e", 4),
                // inserted and deleted within the interval: nothing
                row(RowKind.INSERT, "f", 1), row(RowKind.DELETE, "f", 1));
        assertEquals(List.of("+I(a,3)", "+U(d,8)", "+U(e,4)", "-D(c,1)", "-U(e,1)"), out);
    }

    @Test
    void beforeAnUpsertSinkAChangedKeySendsItsNewValueAlone() throws Exception {
        // what a sink's materializer sends for a primary key: its row deleted, then a new one, then a value back
        RowData[] rows = {row(RowKind.DELETE, "a", 1), row(RowKind.INSERT, "a", 2),
            row(RowKind.UPDATE_AFTER, "b", 1), row(RowKind.DELETE, "b", 1)};
        assertEquals(List.of("+U(a,2)", "-D(b,1)"), run(true, rows));
        assertEquals(List.of("+U(a,2)", "-D(b,1)", "-U(a,1)"), run(false, rows)); // sorted
    }

    private static List<String> run(RowData... rows) throws Exception {
        return run(false, rows);
    }

    private static List<String> run(boolean upsertOutput, RowData... rows) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        env.setParallelism(1);
        List<String> out = new ArrayList<>();
        try (CloseableIterator<RowData> results = env.fromData(COUNTS, rows)
                .keyBy(new GroupKey())
                .transform("NetChangeBuffer", COUNTS, new NetChangeBuffer(COUNTS, Duration.ofHours(1), upsertOutput))
                .executeAndCollect()) {
            results.forEachRemaining(row -> out.add(row.getRowKind().shortString() + "(" + row.getString(0) + ","
                    + row.getLong(1) + ")"));
        }
        out.sort(null);
        return out;
    }

    private static final class GroupKey implements KeySelector<RowData, String> {
        @Override
        public String getKey(RowData row) {
            return row.getString(0).toString();
        }
    }

    private static RowData row(RowKind kind, String key, long count) {
        return GenericRowData.ofKind(kind, StringData.fromString(key), count);
    }
}
