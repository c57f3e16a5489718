package io.sluice.runtime.lookup;

import org.apache.flink.api.common.functions.Partitioner;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalType;

/**
 * The stream side of a bucketed lookup for jobs that did not ask the planner for the shuffle: picks a
 * stream row's join-key fields, in the order of the dimension columns they are compared with, and
 * sends the row to the instance whose bucket holds that key ({@link BucketPartitioner}'s assignment).
 */
public final class BucketShuffle {

    private BucketShuffle() {
    }

    /** Assigns join keys, as {@link #joinKeys} picks them, to lookup instances. */
    public static Partitioner<RowData> partitioner() {
        return new KeyPartitioner();
    }

    /**
     * @param positions the stream row's join-key fields, ordered by the dimension column each is compared with
     * @param types their types
     */
    public static KeySelector<RowData, RowData> joinKeys(int[] positions, LogicalType[] types) {
        if (positions.length != types.length || positions.length == 0) {
            throw new IllegalArgumentException("one type per join-key position, and at least one position");
        }
        RowData.FieldGetter[] getters = new RowData.FieldGetter[positions.length];
        for (int i = 0; i < positions.length; i++) {
            getters[i] = RowData.createFieldGetter(types[i], positions[i]);
        }
        return new JoinKeys(getters);
    }

    private static final class KeyPartitioner implements Partitioner<RowData> {
        private static final long serialVersionUID = 1L;
        private final BucketPartitioner buckets = new BucketPartitioner();

        @Override
        public int partition(RowData key, int numPartitions) {
            return buckets.partition(key, numPartitions);
        }
    }

    private static final class JoinKeys implements KeySelector<RowData, RowData> {
        private static final long serialVersionUID = 1L;
        private final RowData.FieldGetter[] getters;

        JoinKeys(RowData.FieldGetter[] getters) {
            this.getters = getters;
        }

        @Override
        public RowData getKey(RowData row) {
            GenericRowData key = new GenericRowData(getters.length);
            for (int i = 0; i < getters.length; i++) {
                key.setField(i, getters[i].getFieldOrNull(row));
            }
            return key;
        }
    }
}
