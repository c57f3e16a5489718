package io.sluice.sql.window;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.graph.StreamGraphGenerator;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.transformations.PartitionTransformation;
import org.apache.flink.streaming.runtime.partitioner.KeyGroupStreamPartitioner;
import org.apache.flink.table.data.RowData;

import io.sluice.runtime.window.RowFieldsKey;
import io.sluice.sql.rewrite.PlannedJob;

/**
 * Puts a keyed function of Sluice's between a planned operator and its consumers. Its key is not the
 * planner's, so it gets a hash exchange on its own key: chained without one, its keyed state would be
 * read on subtasks that do not own the key.
 */
final class KeyedInsertion {
    private KeyedInsertion() {
    }

    @SuppressWarnings("unchecked")
    static void after(PlannedJob job, Transformation<?> producer, RowFieldsKey key, KeyedProcessFunction<String, RowData, RowData> function,
            String name, String description) {
        job.insertAfter(producer, input -> {
            Transformation<RowData> rows = (Transformation<RowData>) input;
            PartitionTransformation<RowData> exchange = new PartitionTransformation<>(rows,
                    new KeyGroupStreamPartitioner<>(key, StreamGraphGenerator.DEFAULT_LOWER_BOUND_MAX_PARALLELISM));
            OneInputTransformation<RowData, RowData> keyed = new OneInputTransformation<>(exchange, name,
                    new KeyedProcessOperator<>(function), rows.getOutputType(), input.getParallelism());
            keyed.setStateKeySelector(key);
            keyed.setStateKeyType(Types.STRING);
            keyed.setDescription(description);
            if (input.getMaxParallelism() > 0) {
                keyed.setMaxParallelism(input.getMaxParallelism());
            }
            return keyed;
        });
    }
}
