package io.sluice.runtime.checksum;

import static java.util.Objects.requireNonNull;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.Collector;

/**
 * Applies a changelog to a checksum: an insert or update-after adds the row's hash, an
 * update-before or delete subtracts it. Addition commutes, so the sum over all subtasks equals the
 * sum over the final table's rows however the changes were ordered or batched.
 */
final class ChecksumFunction extends ProcessFunction<RowData, Void> {

    private static final long serialVersionUID = 1L;

    private final RowChecksum checksum;
    private transient LongCounter records;
    private transient LongCounter rows;
    private transient LongCounter sum;

    ChecksumFunction(RowChecksum checksum) {
        this.checksum = requireNonNull(checksum, "checksum is null");
    }

    @Override
    public void open(OpenContext openContext) {
        records = new LongCounter();
        rows = new LongCounter();
        sum = new LongCounter();
        getRuntimeContext().addAccumulator(ChecksumAccumulators.RECORDS, records);
        getRuntimeContext().addAccumulator(ChecksumAccumulators.ROWS, rows);
        getRuntimeContext().addAccumulator(ChecksumAccumulators.SUM, sum);
    }

    @Override
    public void processElement(RowData row, Context context, Collector<Void> out) {
        records.add(1);
        long hash = checksum.of(row);
        switch (row.getRowKind()) {
            case INSERT, UPDATE_AFTER -> {
                rows.add(1);
                sum.add(hash);
            }
            case UPDATE_BEFORE, DELETE -> {
                rows.add(-1);
                sum.add(-hash);
            }
        }
    }
}
