package io.sluice.runtime.window;

import static java.util.Objects.requireNonNull;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

/**
 * Bounds how often a tumbling window's late rows change its result. Keyed by (group key, window
 * start), after an aggregate that fires on every late row: the first result of a window and key
 * passes at once; later results are held and only the newest is emitted, as an update of the last
 * one emitted (retracting it first only for consumers that need retractions), when the correction interval
 * (processing time) has passed since the first held one, or when the window closes for good (watermark past end - 1 + allowed lateness), whichever comes
 * first, so a closed window's last correction is never lost.
 */
public final class LateCorrectionFunction extends KeyedProcessFunction<String, RowData, RowData> {
    private static final long serialVersionUID = 1L;

    private final RowData.FieldGetter windowStart;
    private final long windowSize;
    private final long allowedLateness;
    private final long correctionInterval;
    private final boolean upsertConsumers;
    private final TypeInformation<RowData> rowType;
    private transient ValueState<RowData> emitted;
    private transient ValueState<RowData> held;
    private transient ValueState<Long> flushAt;
    private transient ValueState<Boolean> retracting;
    private transient TypeSerializer<RowData> rows;

    /**
     * @param windowStart the window start field of the aggregate's rows (a timestamp)
     * @param windowSize the window's length, milliseconds
     * @param allowedLateness the aggregate's allowed lateness, milliseconds
     * @param correctionInterval the least processing time between two corrections of one window and key
     * @param upsertConsumers whether only upsert sinks (keyed by the window and key) read the result:
     *        then a correction is never preceded by a retraction, which such a sink would apply as a delete
     * @param rowType the aggregate's row type
     */
    public LateCorrectionFunction(RowData.FieldGetter windowStart, long windowSize, long allowedLateness,
            long correctionInterval, boolean upsertConsumers, TypeInformation<RowData> rowType) {
        this.windowStart = requireNonNull(windowStart, "windowStart is null");
        this.windowSize = windowSize;
        this.allowedLateness = allowedLateness;
        this.correctionInterval = correctionInterval;
        this.upsertConsumers = upsertConsumers;
        this.rowType = requireNonNull(rowType, "rowType is null");
    }

    @Override
    public void open(OpenContext openContext) {
        emitted = getRuntimeContext().getState(new ValueStateDescriptor<>("late-emitted", rowType));
        held = getRuntimeContext().getState(new ValueStateDescriptor<>("late-held", rowType));
        flushAt = getRuntimeContext().getState(new ValueStateDescriptor<>("late-flush-at", Types.LONG));
        retracting = getRuntimeContext().getState(new ValueStateDescriptor<>("late-retracting", Types.BOOLEAN));
        rows = getRuntimeContext().createSerializer(rowType);
    }

    @Override
    public void processElement(RowData row, Context context, Collector<RowData> out) throws Exception {
        if (row.getRowKind() == RowKind.UPDATE_BEFORE || row.getRowKind() == RowKind.DELETE) {
            // Flink's group-window aggregate retracts before every late result, even for an upsert sink;
            // where the consumers need retractions, retract too, the row this function emitted last
            retracting.update(!upsertConsumers);
            return;
        }
        RowData copy = rows.copy(row);
        if (emitted.value() == null) {
            copy.setRowKind(RowKind.INSERT);
            out.collect(rows.copy(copy));
            emitted.update(copy);
            context.timerService().registerEventTimeTimer(closeTime(copy));
            return;
        }
        held.update(copy);
        if (flushAt.value() == null) {
            long at = context.timerService().currentProcessingTime() + correctionInterval;
            context.timerService().registerProcessingTimeTimer(at);
            flushAt.update(at);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<RowData> out) throws Exception {
        RowData pending = held.value();
        if (pending != null) {
            if (Boolean.TRUE.equals(retracting.value())) {
                RowData before = rows.copy(emitted.value());
                before.setRowKind(RowKind.UPDATE_BEFORE);
                out.collect(before);
            }
            pending.setRowKind(RowKind.UPDATE_AFTER);
            out.collect(rows.copy(pending));
            emitted.update(pending);
            held.clear();
        }
        Long at = flushAt.value();
        if (at != null && context.timeDomain() == TimeDomain.EVENT_TIME) {
            context.timerService().deleteProcessingTimeTimer(at);
        }
        flushAt.clear();
        if (context.timeDomain() == TimeDomain.EVENT_TIME) {
            emitted.clear();
            retracting.clear();
        }
    }

    private long closeTime(RowData row) {
        long start = ((TimestampData) windowStart.getFieldOrNull(row)).getMillisecond();
        long maxTimestamp = start + windowSize - 1;
        return maxTimestamp + allowedLateness < maxTimestamp ? Long.MAX_VALUE : maxTimestamp + allowedLateness;
    }
}
