package io.sluice.runtime.sample;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.format.DecodingFormat;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.SourceProvider;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;

/** Emits the sample rows in their written order, from one subtask so that order holds. */
final class SampleRowsTableSource implements ScanTableSource {
    private final DecodingFormat<DeserializationSchema<RowData>> format;
    private final DataType producedType;
    private final List<String> rows;

    SampleRowsTableSource(DecodingFormat<DeserializationSchema<RowData>> format, DataType producedType, List<String> rows) {
        this.format = requireNonNull(format, "format is null");
        this.producedType = requireNonNull(producedType, "producedType is null");
        this.rows = List.copyOf(rows);
    }

    @Override
    public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
    }

    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
        DeserializationSchema<RowData> decoder = format.createRuntimeDecoder(context, producedType);
        SampleRowFunction rowAt = new SampleRowFunction(decoder, rows);
        return SourceProvider.of(new DataGeneratorSource<>(rowAt, rows.size(), RateLimiterStrategy.noOp(),
                context.createTypeInformation(producedType)), 1);
    }

    @Override
    public DynamicTableSource copy() {
        return new SampleRowsTableSource(format, producedType, rows);
    }

    @Override
    public String asSummaryString() {
        return SampleRowsTableFactory.IDENTIFIER;
    }
}
