package io.sluice.runtime.window;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Objects;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.util.Collector;

/**
 * Passes a cumulative window's row only when its aggregate values differ from the ones last passed
 * for the same group key and window: keyed by (group key, window start). The entry is dropped at the
 * window's last step (end - start = the window's size), so state holds only windows still open.
 */
public final class LazyEmissionFunction extends KeyedProcessFunction<String, RowData, RowData> {
    private static final long serialVersionUID = 1L;

    private final RowData.FieldGetter[] aggregates;
    private final RowData.FieldGetter[] storedAggregates;
    private final RowData.FieldGetter windowStart;
    private final RowData.FieldGetter windowEnd;
    private final long sizeMillis;
    private final TypeInformation<RowData> aggregatesType;
    private transient ValueState<RowData> lastPassed;
    private transient TypeSerializer<RowData> aggregatesSerializer;

    /**
     * @param aggregates the aggregate fields of an input row, compared between steps
     * @param storedAggregates the same fields read from the stored copy (positions 0..n-1)
     * @param windowStart the window start field (a timestamp)
     * @param windowEnd the window end field (a timestamp)
     * @param sizeMillis the cumulative window's total size
     * @param aggregatesType the row type of the stored copy
     */
    public LazyEmissionFunction(List<RowData.FieldGetter> aggregates, List<RowData.FieldGetter> storedAggregates,
            RowData.FieldGetter windowStart, RowData.FieldGetter windowEnd, long sizeMillis,
            TypeInformation<RowData> aggregatesType) {
        this.aggregates = aggregates.toArray(RowData.FieldGetter[]::new);
        this.storedAggregates = storedAggregates.toArray(RowData.FieldGetter[]::new);
        this.windowStart = requireNonNull(windowStart, "windowStart is null");
        this.windowEnd = requireNonNull(windowEnd, "windowEnd is null");
        this.sizeMillis = sizeMillis;
        this.aggregatesType = requireNonNull(aggregatesType, "aggregatesType is null");
    }

    @Override
    public void open(OpenContext openContext) {
        lastPassed = getRuntimeContext().getState(new ValueStateDescriptor<>("lazy-last-passed", aggregatesType));
        aggregatesSerializer = getRuntimeContext().createSerializer(aggregatesType);
    }

    @Override
    public void processElement(RowData row, Context context, Collector<RowData> out) throws Exception {
        RowData previous = lastPassed.value();
        if (previous == null || changed(previous, row)) {
            out.collect(row);
        }
        if (isLastStep(row)) {
            lastPassed.clear();
        } else if (previous == null || changed(previous, row)) {
            GenericRowData copy = new GenericRowData(aggregates.length);
            for (int i = 0; i < aggregates.length; i++) {
                copy.setField(i, aggregates[i].getFieldOrNull(row));
            }
            // a deep copy: the input row's strings may live in buffers the network stack reuses
            lastPassed.update(aggregatesSerializer.copy(copy));
        }
    }

    private boolean changed(RowData previous, RowData row) {
        for (int i = 0; i < aggregates.length; i++) {
            if (!Objects.equals(storedAggregates[i].getFieldOrNull(previous), aggregates[i].getFieldOrNull(row))) {
                return true;
            }
        }
        return false;
    }

    private boolean isLastStep(RowData row) {
        TimestampData start = (TimestampData) windowStart.getFieldOrNull(row);
        TimestampData end = (TimestampData) windowEnd.getFieldOrNull(row);
        return start != null && end != null && end.getMillisecond() - start.getMillisecond() >= sizeMillis;
    }
}
