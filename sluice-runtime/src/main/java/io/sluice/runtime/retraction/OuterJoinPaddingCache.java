package io.sluice.runtime.retraction;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.binary.BinaryRowData;
import org.apache.flink.table.data.util.RowDataUtil;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.types.RowKind;

/**
 * Sits right after a LEFT, RIGHT or FULL regular join, keyed by the join key, and holds the rows the
 * join pads with NULLs for up to an interval. If the match arrives in time, the join retracts the
 * padded row and this cache drops both, so the sink sees one joined row instead of padded row,
 * retraction and joined row; otherwise the held rows go out when the interval ends (or at the end of
 * a bounded input). Joined rows pass at once, and once a key has matched its padded rows pass at once
 * too. Held rows and flags are keyed state with a processing-time timer, so they are part of every
 * checkpoint: the job's final table is the join's, only the way there has fewer records.
 *
 * <p>Unlike a cache inside the join, which could keep a count per key and re-read the rows from the
 * join's state, this one keeps a copy of each held padded row (only until it is sent or cancelled).
 */
public final class OuterJoinPaddingCache extends IntervalFlushingOperator {
    private static final long serialVersionUID = 1L;
    static final String HELD_STATE = "outer-join-cache-held";

    private final InternalTypeInfo<RowData> joinedType;
    private final int leftArity;
    private final boolean leftOuter;
    private final boolean rightOuter;
    private final long matchedTtlMillis;

    private transient RowDataSerializer serializer;
    private transient MapState<RowData, Integer> held;
    private transient ValueState<Boolean> matched;

    /**
     * @param joinedType the join's output row: left fields, then right fields
     * @param leftArity how many of its fields come from the left input
     * @param leftOuter whether the join keeps unmatched left rows (LEFT, FULL)
     * @param rightOuter whether the join keeps unmatched right rows (RIGHT, FULL)
     * @param interval how long a padded row is held at most
     * @param matchedTtl how long a key is remembered as matched (the join's state TTL); zero for ever
     */
    public OuterJoinPaddingCache(InternalTypeInfo<RowData> joinedType, int leftArity, boolean leftOuter, boolean rightOuter,
            Duration interval, Duration matchedTtl) {
        super("outer-join-cache-flush-at", requireNonNull(interval, "interval is null").toMillis());
        this.joinedType = requireNonNull(joinedType, "joinedType is null");
        this.leftArity = leftArity;
        this.leftOuter = leftOuter;
        this.rightOuter = rightOuter;
        this.matchedTtlMillis = requireNonNull(matchedTtl, "matchedTtl is null").toMillis();
    }

    @Override
    public void open() throws Exception {
        super.open();
        serializer = joinedType.toRowSerializer();
        held = getRuntimeContext().getMapState(new MapStateDescriptor<>(HELD_STATE, joinedType, Types.INT));
        ValueStateDescriptor<Boolean> matchedDescriptor = new ValueStateDescriptor<>("outer-join-cache-matched", Types.BOOLEAN);
        if (matchedTtlMillis > 0) {
            // forget a key when the join forgets its rows, so this flag never outlives the join's state
            matchedDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(matchedTtlMillis)).build());
        }
        matched = getRuntimeContext().getState(matchedDescriptor);
    }

    @Override
    public void processElement(StreamRecord<RowData> element) throws Exception {
        RowData row = element.getValue();
        boolean accumulate = RowDataUtil.isAccumulateMsg(row);
        if (!padded(row)) {
            if (accumulate && matched.value() == null) {
                matched.update(true);
            }
            output.collect(element);
            return;
        }
        if (accumulate) {
            if (matched.value() != null) {
                output.collect(element);
                return;
            }
            BinaryRowData key = normalized(row);
            Integer count = held.get(key);
            held.put(key, count == null ? 1 : count + 1);
            holdUntilIntervalEnds();
            return;
        }
        BinaryRowData key = normalized(row);
        Integer count = held.get(key);
        if (count == null) {
            output.collect(element); // the padded row went out already: retract it downstream too
            return;
        }
        if (count > 1) {
            held.put(key, count - 1);
        } else {
            held.remove(key);
            if (held.isEmpty()) {
                stopHolding();
            }
        }
    }

    @Override
    void flushCurrentKey() throws Exception {
        for (Map.Entry<RowData, Integer> entry : held.entries()) {
            for (int i = 0; i < entry.getValue(); i++) {
                RowData row = serializer.copy(entry.getKey());
                row.setRowKind(RowKind.INSERT);
                output.collect(new StreamRecord<>(row));
            }
        }
        held.clear();
    }

    /** A row the join padded with NULLs on the side that found no match. */
    private boolean padded(RowData row) {
        return (leftOuter && JoinOutputRows.allNull(row, leftArity, row.getArity()))
                || (rightOuter && JoinOutputRows.allNull(row, 0, leftArity));
    }

    /** The row as a state key: its own copy, as an insert, so that an insert and its retraction are equal. */
    private BinaryRowData normalized(RowData row) {
        BinaryRowData copy = serializer.toBinaryRow(row).copy();
        copy.setRowKind(RowKind.INSERT);
        return copy;
    }
}
