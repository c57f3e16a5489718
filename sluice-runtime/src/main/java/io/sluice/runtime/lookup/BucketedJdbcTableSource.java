package io.sluice.runtime.lookup;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.LookupTableSource;
import org.apache.flink.table.connector.source.abilities.SupportsLookupCustomShuffle;
import org.apache.flink.table.connector.source.lookup.LookupFunctionProvider;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * A JDBC dimension table for lookup joins whose instances each cache one bucket of it. It gives the
 * planner {@link BucketPartitioner} so that, with the {@code LOOKUP} hint's {@code 'shuffle' = 'true'},
 * the stream reaches the instance holding each key's bucket.
 */
final class BucketedJdbcTableSource implements LookupTableSource, SupportsLookupCustomShuffle {
    private final DimensionTableOptions options;
    private final RowType rowType;
    private final LookupTableSource jdbcSource;

    /** @param jdbcSource Flink's JDBC source of the same table, uncached, for keys outside an instance's bucket */
    BucketedJdbcTableSource(DimensionTableOptions options, RowType rowType, LookupTableSource jdbcSource) {
        this.options = requireNonNull(options, "options is null");
        this.rowType = requireNonNull(rowType, "rowType is null");
        this.jdbcSource = requireNonNull(jdbcSource, "jdbcSource is null");
    }

    @Override
    public LookupRuntimeProvider getLookupRuntimeProvider(LookupContext context) {
        int[][] keys = context.getKeys();
        for (int[] key : keys) {
            if (key.length != 1) {
                throw new ValidationException("A bucketed lookup join compares top-level columns only, not nested fields");
            }
        }
        // the planner's partitioner sees the keys ordered by dimension column; read the lookup's key rows the same way
        int[] keyRowPositions = IntStream.range(0, keys.length).boxed()
                .sorted(Comparator.comparingInt(position -> keys[position][0]))
                .mapToInt(Integer::intValue).toArray();
        int[] keyFields = new int[keys.length];
        List<LogicalType> keyTypes = new ArrayList<>();
        for (int i = 0; i < keyRowPositions.length; i++) {
            keyFields[i] = keys[keyRowPositions[i]][0];
            keyTypes.add(rowType.getTypeAt(keyFields[i]));
        }
        if (!(jdbcSource.getLookupRuntimeProvider(context) instanceof LookupFunctionProvider databaseLookup)) {
            throw new IllegalStateException("Flink's JDBC source gave no plain lookup function for " + options.tableName());
        }
        DimensionTable table = options.table(rowType, keyFields);
        return LookupFunctionProvider.of(new BucketedLookupFunction(table, keyTypes, keyRowPositions,
                options.refreshInterval(), databaseLookup.createLookupFunction()));
    }

    @Override
    public Optional<InputDataPartitioner> getPartitioner() {
        return Optional.of(new BucketPartitioner());
    }

    @Override
    public DynamicTableSource copy() {
        return new BucketedJdbcTableSource(options, rowType, jdbcSource);
    }

    @Override
    public String asSummaryString() {
        return "JDBC bucketed lookup";
    }
}
