package io.sluice.runtime.retraction;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.util.RowDataUtil;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.types.RowKind;

/**
 * Sits right after a group aggregation, keyed by its group key, and folds each key's changes within
 * an interval into the net change: what the key's row was when the interval began against what it is
 * at its end. So a count that goes 3, 4, 5, 6 within the interval reaches the next aggregation level
 * or the sink as one -U 3 / +U 6 instead of three pairs, and a row that ends as it began sends nothing.
 * The pending change is keyed state flushed by a processing-time timer (and at the end of a bounded
 * input), so it is part of every checkpoint.
 */
public final class NetChangeBuffer extends IntervalFlushingOperator {
    private static final long serialVersionUID = 1L;
    static final String FLUSH_AT_STATE = "net-change-flush-at";

    /** What the downstream had for the key when the pending interval began. */
    private static final int BEFORE_NOTHING = 0;
    private static final int BEFORE_ROW = 1;
    /** An upsert stream sends no update-before: the downstream's row is not known, nor needed. */
    private static final int BEFORE_UNKNOWN = 2;

    private final InternalTypeInfo<RowData> rowType;
    private final boolean upsertOutput;

    private transient RowDataSerializer serializer;
    private transient ValueState<Integer> beforeKind;
    private transient ValueState<RowData> before;
    private transient ValueState<RowData> after;
    private transient ValueState<RowData> lastRetracted;

    public NetChangeBuffer(InternalTypeInfo<RowData> rowType, Duration interval) {
        this(rowType, interval, false);
    }

    /**
     * @param upsertOutput whether the output goes to an upsert sink keyed like this buffer, which needs
     *        no update-before: a changed row is then sent as its new value alone
     */
    public NetChangeBuffer(InternalTypeInfo<RowData> rowType, Duration interval, boolean upsertOutput) {
        super(FLUSH_AT_STATE, requireNonNull(interval, "interval is null").toMillis());
        this.upsertOutput = upsertOutput;
        this.rowType = requireNonNull(rowType, "rowType is null");
    }

    @Override
    public void open() throws Exception {
        super.open();
        serializer = rowType.toRowSerializer();
        beforeKind = getRuntimeContext().getState(new ValueStateDescriptor<>("net-change-before-kind", Types.INT));
        before = getRuntimeContext().getState(new ValueStateDescriptor<>("net-change-before", rowType));
        after = getRuntimeContext().getState(new ValueStateDescriptor<>("net-change-after", rowType));
        lastRetracted = getRuntimeContext().getState(new ValueStateDescriptor<>("net-change-last-retracted", rowType));
    }

    @Override
    public void processElement(StreamRecord<RowData> element) throws Exception {
        RowData row = element.getValue();
        RowKind kind = row.getRowKind();
        boolean accumulate = RowDataUtil.isAccumulateMsg(row);
        if (!holding()) {
            holdUntilIntervalEnds();
            if (kind == RowKind.INSERT) {
                beforeKind.update(BEFORE_NOTHING);
            } else if (accumulate) {
                beforeKind.update(BEFORE_UNKNOWN);
            } else {
                beforeKind.update(BEFORE_ROW);
                before.update(copy(row));
            }
        }
        if (accumulate) {
            after.update(copy(row));
        } else {
            after.clear();
            lastRetracted.update(copy(row));
        }
    }

    @Override
    void flushCurrentKey() throws Exception {
        Integer kind = beforeKind.value();
        RowData now = after.value();
        if (kind != null) {
            switch (kind) {
                case BEFORE_NOTHING -> {
                    if (now != null) {
                        emit(now, RowKind.INSERT);
                    }
                }
                case BEFORE_ROW -> {
                    RowData was = before.value();
                    if (now == null) {
                        emit(was, RowKind.DELETE);
                    } else if (!serializer.toBinaryRow(was).copy().equals(serializer.toBinaryRow(now))) {
                        if (!upsertOutput) {
                            emit(was, RowKind.UPDATE_BEFORE);
                        }
                        emit(now, RowKind.UPDATE_AFTER);
                    }
                }
                default -> {
                    if (now != null) {
                        emit(now, RowKind.UPDATE_AFTER);
                    } else {
                        emit(lastRetracted.value(), RowKind.DELETE);
                    }
                }
            }
        }
        beforeKind.clear();
        before.clear();
        after.clear();
        lastRetracted.clear();
    }

    private void emit(RowData row, RowKind kind) {
        RowData out = serializer.copy(row);
        out.setRowKind(kind);
        output.collect(new StreamRecord<>(out));
    }

    private RowData copy(RowData row) {
        RowData copy = serializer.copy(row);
        copy.setRowKind(RowKind.INSERT);
        return copy;
    }
}
