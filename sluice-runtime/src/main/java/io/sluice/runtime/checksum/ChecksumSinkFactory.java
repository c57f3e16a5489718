package io.sluice.runtime.checksum;

import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.factories.DynamicTableSinkFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.logical.RowType;

/**
 * {@code 'connector' = 'checksum'}: a sink for benchmarks and tests that keeps no rows, only the
 * number of records that reached it and an order-independent checksum of the final table (the
 * changelog applied), in Flink accumulators named in {@link ChecksumAccumulators}. Any schema; no
 * options. One such sink per job, since the accumulators of two would add up.
 */
public final class ChecksumSinkFactory implements DynamicTableSinkFactory {

    public static final String IDENTIFIER = "checksum";

    @Override
    public DynamicTableSink createDynamicTableSink(Context context) {
        FactoryUtil.createTableFactoryHelper(this, context).validate();
        return new ChecksumTableSink((RowType) context.getPhysicalRowDataType().getLogicalType());
    }

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }
}
