package io.sluice.runtime.checksum;

import static java.util.Objects.requireNonNull;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.sink.DataStreamSinkProvider;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.types.logical.RowType;

/** Accepts every kind of change, so the planner sends update-before rows and the checksum can subtract them. */
final class ChecksumTableSink implements DynamicTableSink {

    private final RowType rowType;

    ChecksumTableSink(RowType rowType) {
        this.rowType = requireNonNull(rowType, "rowType is null");
    }

    @Override
    public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        return ChangelogMode.all();
    }

    @Override
    public SinkRuntimeProvider getSinkRuntimeProvider(Context context) {
        RowChecksum checksum = new RowChecksum(rowType);
        return (DataStreamSinkProvider) (providerContext, rows) -> rows
                .process(new ChecksumFunction(checksum), Types.VOID)
                .name("checksum")
                .sinkTo(new DiscardingSink<>())
                .name("checksum-end");
    }

    @Override
    public DynamicTableSink copy() {
        return new ChecksumTableSink(rowType);
    }

    @Override
    public String asSummaryString() {
        return ChecksumSinkFactory.IDENTIFIER;
    }
}
