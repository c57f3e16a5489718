package io.sluice.runtime.retraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/**
 * The cache on the changelogs a LEFT or FULL join emits, run as a small local Flink job. The interval
 * is an hour, so whatever is still held goes out at the end of the bounded input.
 */
class OuterJoinPaddingCacheTest {
    /** Join output: order id and customer id from the left, customer id and name from the right. */
    private static final InternalTypeInfo<RowData> JOINED = InternalTypeInfo.of(RowType.of(
            new IntType(), new IntType(), new IntType(), new VarCharType(VarCharType.MAX_LENGTH)));

    @Test
    void aMatchInTimeReplacesThePaddedRowAndItsRetractionByTheJoinedRow() throws Exception {
        List<String> out = run(true, false,
                row(RowKind.INSERT, 1, 7, null, null),
                row(RowKind.INSERT, 2, 7, null, null),
                row(RowKind.DELETE, 1, 7, null, null),
                row(RowKind.INSERT, 1, 7, 7, "ann"),
                row(RowKind.DELETE, 2, 7, null, null),
                row(RowKind.INSERT, 2, 7, 7, "ann"));
        assertEquals(List.of("+I(1,7,7,ann)", "+I(2,7,7,ann)"), out);
    }

    @Test
    void anUnmatchedRowGoesOutPaddedOnceItsTimeIsUpAndEqualRowsKeepTheirCount() throws Exception {
        List<String> out = run(true, false,
                row(RowKind.INSERT, 3, 8, null, null),
                row(RowKind.INSERT, 3, 8, null, null),
                row(RowKind.INSERT, 4, 8, null, null),
                row(RowKind.DELETE, 3, 8, null, null));
        assertEquals(List.of("+I(3,8,null,null)", "+I(4,8,null,null)"), sorted(out));
    }

    @Test
    void onceAKeyHasMatchedItsPaddedRowsAndTheirRetractionsPassAtOnce() throws Exception {
        List<String> out = run(true, false,
                row(RowKind.INSERT, 1, 7, 7, "ann"),
                row(RowKind.DELETE, 1, 7, 7, "ann"),
                row(RowKind.INSERT, 1, 7, null, null),
                row(RowKind.DELETE, 1, 7, null, null),
                row(RowKind.INSERT, 1, 7, 7, "bea"));
        assertEquals(List.of("+I(1,7,7,ann)", "-D(1,7,7,ann)", "+I(1,7,null,null)", "-D(1,7,null,null)",
                "+I(1,7,7,bea)"), out);
    }

    @Test
    void aFullJoinHoldsRowsPaddedOnEitherSide() throws Exception {
        List<String> out = run(true, true,
                row(RowKind.INSERT, null, null, 9, "cid"),
                row(RowKind.INSERT, 5, 9, null, null),
                row(RowKind.DELETE, null, null, 9, "cid"),
                row(RowKind.DELETE, 5, 9, null, null),
                row(RowKind.INSERT, 5, 9, 9, "cid"),
                row(RowKind.INSERT, null, null, 10, "dee"));
        assertEquals(List.of("+I(5,9,9,cid)", "+I(null,null,10,dee)"), out);
    }

    @Test
    void aLeftJoinPassesRowsPaddedOnTheLeftAndRetractionsOfRowsNeverHeld() throws Exception {
        List<String> out = run(true, false,
                row(RowKind.DELETE, 6, 9, null, null),
                row(RowKind.UPDATE_BEFORE, 6, 9, 9, "x"),
                row(RowKind.UPDATE_AFTER, 6, 9, 9, "y"));
        assertEquals(List.of("-D(6,9,null,null)", "-U(6,9,9,x)", "+U(6,9,9,y)"), out);
    }

    private static List<String> run(boolean leftOuter, boolean rightOuter, RowData... rows) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        env.setParallelism(1);
        DataStream<RowData> joined = env.fromData(JOINED, rows);
        DataStream<RowData> cached = joined.keyBy(new CustomerKey())
                .transform("OuterJoinCache", JOINED,
                        new OuterJoinPaddingCache(JOINED, 2, leftOuter, rightOuter, Duration.ofHours(1), Duration.ZERO));
        List<String> out = new ArrayList<>();
        try (CloseableIterator<RowData> results = cached.executeAndCollect()) {
            results.forEachRemaining(row -> out.add(format(row)));
        }
        return out;
    }

    /** The join key: the left customer id, or the right one for a row padded on the left. */
    private static final class CustomerKey implements KeySelector<RowData, Integer> {
        @Override
        public Integer getKey(RowData row) {
            return row.isNullAt(1) ? row.getInt(2) : row.getInt(1);
        }
    }

    private static RowData row(RowKind kind, Integer order, Integer leftCustomer, Integer rightCustomer, String name) {
        GenericRowData row = GenericRowData.ofKind(kind, order, leftCustomer, rightCustomer,
                name == null ? null : StringData.fromString(name));
        return row;
    }

    private static String format(RowData row) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fields.add(row.isNullAt(i) ? "null" : Integer.toString(row.getInt(i)));
        }
        fields.add(row.isNullAt(3) ? "null" : row.getString(3).toString());
        return row.getRowKind().shortString() + "(" + String.join(",", fields) + ")";
    }

    private static List<String> sorted(List<String> rows) {
        List<String> copy = new ArrayList<>(rows);
        copy.sort(null);
        return copy;
    }
}
