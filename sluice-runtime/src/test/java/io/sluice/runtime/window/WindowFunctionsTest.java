package io.sluice.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

class WindowFunctionsTest {
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 1, 1, 0, 0);
    /** (page, pv, window_start, window_end), as a window aggregate emits it. */
    private static final RowType ROW = RowType.of(new VarCharType(10), new BigIntType(), new TimestampType(3), new TimestampType(3));
    private static final TypeInformation<RowData> ROW_TYPE = InternalTypeInfo.of(ROW);

    private static RowData row(RowKind kind, String page, long pv, int startMinute, int endMinute) {
        GenericRowData row = GenericRowData.ofKind(kind, StringData.fromString(page), pv,
                TimestampData.fromLocalDateTime(T0.plusMinutes(startMinute)), TimestampData.fromLocalDateTime(T0.plusMinutes(endMinute)));
        return row;
    }

    private static String text(RowData row) {
        return row.getRowKind().shortString() + " " + row.getString(0) + " " + row.getLong(1) + " "
                + row.getTimestamp(2, 3).toLocalDateTime().getMinute() + ".." + row.getTimestamp(3, 3).toLocalDateTime().getMinute();
    }

    private static RowData.FieldGetter field(int position) {
        return RowData.createFieldGetter(ROW.getTypeAt(position), position);
    }

    private static List<String> run(List<RowData> input, org.apache.flink.streaming.api.functions.KeyedProcessFunction<String, RowData, RowData> function) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        env.setParallelism(1);
        RowFieldsKey key = new RowFieldsKey(List.of(field(0), field(2)));
        List<String> output = new ArrayList<>();
        try (CloseableIterator<RowData> rows = env.fromData(input, ROW_TYPE).keyBy(key, Types.STRING).process(function, ROW_TYPE)
                .executeAndCollect()) {
            rows.forEachRemaining(row -> output.add(text(row)));
        }
        return output;
    }

    @Test
    void lazyEmissionSkipsUnchangedStepsAndForgetsAWindowAtItsLastStep() throws Exception {
        // a 3-minute cumulative window in 1-minute steps, then the next window of the same page
        List<RowData> cumulate = List.of(
                row(RowKind.INSERT, "a", 1, 0, 1), row(RowKind.INSERT, "b", 2, 0, 1),
                row(RowKind.INSERT, "a", 1, 0, 2), row(RowKind.INSERT, "b", 3, 0, 2),
                row(RowKind.INSERT, "a", 1, 0, 3), row(RowKind.INSERT, "b", 3, 0, 3),
                row(RowKind.INSERT, "a", 1, 3, 4), row(RowKind.INSERT, "a", 1, 3, 5));
        LazyEmissionFunction lazy = new LazyEmissionFunction(List.of(field(1)), List.of(RowData.createFieldGetter(new BigIntType(), 0)),
                field(2), field(3), 3 * 60_000, InternalTypeInfo.of(RowType.of(new BigIntType())));
        assertEquals(List.of("+I a 1 0..1", "+I b 2 0..1", "+I b 3 0..2", "+I a 1 3..4"), run(cumulate, lazy));
    }

    @Test
    void lateCorrectionsOfAWindowAndKeyGoOutOnceWhenTheWindowCloses() throws Exception {
        // Flink's late firing on every late row: +I on time, then -U/+U per late row
        List<RowData> fired = List.of(
                row(RowKind.INSERT, "a", 2, 0, 1), row(RowKind.INSERT, "b", 1, 0, 1),
                row(RowKind.UPDATE_BEFORE, "a", 2, 0, 1), row(RowKind.UPDATE_AFTER, "a", 3, 0, 1),
                row(RowKind.UPDATE_BEFORE, "a", 3, 0, 1), row(RowKind.UPDATE_AFTER, "a", 4, 0, 1),
                row(RowKind.UPDATE_BEFORE, "a", 4, 0, 1), row(RowKind.UPDATE_AFTER, "a", 5, 0, 1),
                row(RowKind.INSERT, "c", 1, 0, 1));
        // an hour-long interval: only the window's close (end of input moves the watermark to the end) flushes
        LateCorrectionFunction corrections = new LateCorrectionFunction(field(2), 60_000, 10 * 60_000, 3_600_000, false, ROW_TYPE);
        assertEquals(List.of("+I a 2 0..1", "+I b 1 0..1", "+I c 1 0..1", "-U a 2 0..1", "+U a 5 0..1"), run(fired, corrections));
        LateCorrectionFunction upsert = new LateCorrectionFunction(field(2), 60_000, 10 * 60_000, 3_600_000, true, ROW_TYPE);
        assertEquals(List.of("+I a 2 0..1", "+I b 1 0..1", "+I c 1 0..1", "+U a 5 0..1"), run(fired, upsert),
                "an upsert sink would apply a retraction as a delete");
    }

    @Test
    void lateCorrectionsDoNotRetractWhenTheAggregateDoesNot() throws Exception {
        // an aggregate feeding an upsert sink sends no retractions; a retraction would delete the row there
        List<RowData> fired = List.of(row(RowKind.INSERT, "a", 2, 0, 1), row(RowKind.UPDATE_AFTER, "a", 3, 0, 1),
                row(RowKind.UPDATE_AFTER, "a", 4, 0, 1));
        LateCorrectionFunction corrections = new LateCorrectionFunction(field(2), 60_000, 10 * 60_000, 3_600_000, false, ROW_TYPE);
        assertEquals(List.of("+I a 2 0..1", "+U a 4 0..1"), run(fired, corrections));
    }
}
