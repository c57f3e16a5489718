package io.sluice.runtime.lookup;

import org.apache.flink.table.connector.source.abilities.SupportsLookupCustomShuffle.InputDataPartitioner;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/**
 * Sends each stream row to the lookup-join instance that holds its key's share of the dimension
 * table. The planner gives it the row's join-key values, ordered by the dimension column each is
 * compared with, and the number of instances.
 */
final class BucketPartitioner implements InputDataPartitioner {
    private static final long serialVersionUID = 1L;

    @Override
    public int partition(RowData joinKeys, int numPartitions) {
        return keyOf(joinKeys).bucket(numPartitions);
    }

    static LookupKey keyOf(RowData joinKeys) {
        if (!(joinKeys instanceof GenericRowData generic)) {
            // Flink 2.2's planner projects the join keys into generic rows, whose values keep the stream column's type
            throw new IllegalStateException("expected the planner's join keys as a GenericRowData, got "
                    + joinKeys.getClass().getName());
        }
        Object[] values = new Object[generic.getArity()];
        for (int i = 0; i < values.length; i++) {
            values[i] = generic.getField(i);
        }
        return LookupKey.of(values);
    }
}
