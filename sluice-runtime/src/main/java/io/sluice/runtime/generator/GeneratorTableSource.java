package io.sluice.runtime.generator;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.SourceProvider;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;

/**
 * Scans generated events through Flink's {@link DataGeneratorSource}, which hands each subtask a
 * range of indexes; since an event depends only on its index, the rows do not depend on the
 * parallelism.
 */
final class GeneratorTableSource<E> implements ScanTableSource {

    private final String connector;
    private final EventGenerator<E> generator;
    private final List<GeneratorColumn<E>> columns;
    private final DataType producedType;
    private final GeneratorSettings settings;

    GeneratorTableSource(
            String connector,
            EventGenerator<E> generator,
            List<GeneratorColumn<E>> columns,
            DataType producedType,
            GeneratorSettings settings) {
        this.connector = requireNonNull(connector, "connector is null");
        this.generator = requireNonNull(generator, "generator is null");
        this.columns = List.copyOf(columns);
        this.producedType = requireNonNull(producedType, "producedType is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
    }

    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
        TypeInformation<RowData> type = context.createTypeInformation(producedType);
        EventRowFunction<E> rows = new EventRowFunction<>(generator, columns);
        RateLimiterStrategy rateLimit =
                settings.rate() > 0 ? RateLimiterStrategy.perSecond(settings.rate()) : RateLimiterStrategy.noOp();
        if (settings.events().isPresent()) {
            return SourceProvider.of(new DataGeneratorSource<>(rows, settings.events().getAsLong(), rateLimit, type));
        }
        // Subtasks get contiguous index ranges; with endless ranges a second subtask would start
        // at index 2^62, far in the future of event time, so an unbounded generator runs alone.
        DataGeneratorSource<RowData> endless = new DataGeneratorSource<>(rows, Long.MAX_VALUE, rateLimit, type);
        return SourceProvider.of(new ContinuousGeneratorSource<>(endless), 1);
    }

    @Override
    public DynamicTableSource copy() {
        return new GeneratorTableSource<>(connector, generator, columns, producedType, settings);
    }

    @Override
    public String asSummaryString() {
        return connector;
    }
}
