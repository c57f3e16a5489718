package io.sluice.runtime.sample;

import java.util.Set;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.table.connector.format.DecodingFormat;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DeserializationFormatFactory;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;

/**
 * {@code 'connector' = 'sample-rows'}: a bounded table of rows written in its options, one encoded row
 * per line in the table's format (JSON by default). Preview puts it in place of a source so a script
 * can be tried on rows a user typed, keeping the table's columns, computed columns and watermark.
 */
public final class SampleRowsTableFactory implements DynamicTableSourceFactory {
    public static final String IDENTIFIER = "sample-rows";

    public static final ConfigOption<String> ROWS = ConfigOptions.key("rows")
            .stringType()
            .defaultValue("")
            .withDescription("The rows, one per line, each encoded in the table's format.");

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(FactoryUtil.FORMAT);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(ROWS);
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        DecodingFormat<DeserializationSchema<RowData>> format =
                helper.discoverDecodingFormat(DeserializationFormatFactory.class, FactoryUtil.FORMAT);
        helper.validate();
        String text = helper.getOptions().get(ROWS);
        return new SampleRowsTableSource(format, context.getPhysicalRowDataType(),
                text.lines().filter(line -> !line.isBlank()).toList());
    }
}
