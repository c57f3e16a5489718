package io.sluice.runtime.sample;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;

/** Row {@code i} of the sample is its {@code i}-th line, decoded. */
final class SampleRowFunction implements GeneratorFunction<Long, RowData> {
    private static final long serialVersionUID = 1L;

    private final DeserializationSchema<RowData> decoder;
    private final List<String> rows;

    SampleRowFunction(DeserializationSchema<RowData> decoder, List<String> rows) {
        this.decoder = requireNonNull(decoder, "decoder is null");
        this.rows = List.copyOf(rows);
    }

    @Override
    public void open(SourceReaderContext readerContext) throws Exception {
        decoder.open(new DeserializationSchema.InitializationContext() {
            @Override
            public MetricGroup getMetricGroup() {
                return readerContext.metricGroup();
            }

            @Override
            public UserCodeClassLoader getUserCodeClassLoader() {
                return SimpleUserCodeClassLoader.create(SampleRowFunction.class.getClassLoader());
            }
        });
    }

    @Override
    public RowData map(Long index) throws IOException {
        String line = rows.get(index.intValue());
        try {
            RowData row = decoder.deserialize(line.getBytes(StandardCharsets.UTF_8));
            if (row == null) {
                throw new IOException("it decodes to nothing");
            }
            return row;
        } catch (IOException | RuntimeException e) {
            throw new IOException("sample row " + (index + 1) + " (" + line + ") does not fit the table's columns: "
                    + e.getMessage(), e);
        }
    }
}
