package io.sluice.runtime.retraction;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.table.data.RowData;

/**
 * A keyed operator that holds something per key for up to an interval and then sends it: the first
 * change of a quiet key starts the interval (a processing-time timer, kept with its time in keyed
 * state, so both are in every checkpoint), and a bounded input's end sends what every key still holds.
 */
abstract class IntervalFlushingOperator extends AbstractStreamOperator<RowData>
        implements OneInputStreamOperator<RowData, RowData>, Triggerable<RowData, VoidNamespace>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final String flushAtState;
    private final long intervalMillis;

    private transient ValueState<Long> flushAt;
    private transient InternalTimerService<VoidNamespace> timers;

    /**
     * @param flushAtState the name of the state holding when a key's interval ends (and of its timers)
     * @param intervalMillis how long a key holds its changes at most
     */
    IntervalFlushingOperator(String flushAtState, long intervalMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + intervalMillis + " ms");
        }
        this.flushAtState = flushAtState;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void open() throws Exception {
        super.open();
        flushAt = getRuntimeContext().getState(new ValueStateDescriptor<>(flushAtState, Types.LONG));
        timers = getInternalTimerService(flushAtState + "-timers", VoidNamespaceSerializer.INSTANCE, this);
    }

    /** Whether the current key holds something, i.e. its interval runs. */
    final boolean holding() throws Exception {
        return flushAt.value() != null;
    }

    /** Starts the current key's interval unless it runs already. */
    final void holdUntilIntervalEnds() throws Exception {
        if (flushAt.value() == null) {
            long at = timers.currentProcessingTime() + intervalMillis;
            timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, at);
            flushAt.update(at);
        }
    }

    /** Ends the current key's interval without sending anything: it holds nothing any more. */
    final void stopHolding() throws Exception {
        Long at = flushAt.value();
        if (at != null) {
            timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, at);
            flushAt.clear();
        }
    }

    /** Sends what the current key holds and forgets it. */
    abstract void flushCurrentKey() throws Exception;

    @Override
    public final void onProcessingTime(InternalTimer<RowData, VoidNamespace> timer) throws Exception {
        flushAt.clear();
        flushCurrentKey();
    }

    @Override
    public final void onEventTime(InternalTimer<RowData, VoidNamespace> timer) {
        // only processing-time timers are registered
    }

    /** A bounded input ends before the timers fire: every key sends what it holds now. */
    @Override
    public final void endInput() throws Exception {
        List<Object> keys;
        try (Stream<Object> stream = getKeyedStateBackend().getKeys(flushAtState, VoidNamespace.INSTANCE)) {
            keys = stream.collect(Collectors.toList());
        }
        for (Object key : keys) {
            setCurrentKey(key);
            stopHolding();
            flushCurrentKey();
        }
    }
}
