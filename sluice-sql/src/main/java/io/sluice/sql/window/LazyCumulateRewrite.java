package io.sluice.sql.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.graph.StreamGraphGenerator;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.transformations.PartitionTransformation;
import org.apache.flink.streaming.runtime.partitioner.KeyGroupStreamPartitioner;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.TimeUtils;

import io.sluice.runtime.window.LazyEmissionFunction;
import io.sluice.runtime.window.RowFieldsKey;
import io.sluice.sql.rewrite.PlanRewrite;
import io.sluice.sql.rewrite.PlannedJob;

/**
 * Makes the window aggregates over {@code LAZY_CUMULATE} windows lazy: after each one it inserts an
 * exchange by (group key, window start) and a {@link LazyEmissionFunction} that passes a step's row
 * only when the key's aggregates changed since its previous row in the same window.
 */
public final class LazyCumulateRewrite implements PlanRewrite {

    @Override
    public List<String> apply(PlannedJob job) {
        Set<LazyCumulateCalls.Shape> lazy = LazyCumulateCalls.decode(job.config().get(LazyCumulateCalls.WINDOWS));
        List<String> applied = new ArrayList<>();
        if (lazy.isEmpty()) {
            return applied;
        }
        for (Transformation<?> transformation : job.transformations()) {
            String description = PlanDescription.operator(transformation.getDescription());
            if (description == null || !(description.startsWith("GlobalWindowAggregate(") || description.startsWith("WindowAggregate("))) {
                continue;
            }
            Optional<LazyCumulateCalls.Shape> shape = cumulateShape(description);
            if (shape.isEmpty() || !lazy.contains(shape.get())) {
                continue;
            }
            applied.add(makeLazy(job, transformation, description, shape.get()));
        }
        return applied;
    }

    private static Optional<LazyCumulateCalls.Shape> cumulateShape(String description) {
        Optional<String> window = PlanDescription.attribute(description, "window");
        if (window.isEmpty() || !window.get().startsWith("CUMULATE(")) {
            return Optional.empty();
        }
        Optional<String> size = PlanDescription.attribute(window.get(), "max_size");
        Optional<String> step = PlanDescription.attribute(window.get(), "step");
        if (size.isEmpty() || step.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LazyCumulateCalls.Shape(TimeUtils.parseDuration(step.get()), TimeUtils.parseDuration(size.get())));
    }

    @SuppressWarnings("unchecked")
    private static String makeLazy(PlannedJob job, Transformation<?> aggregate, String description, LazyCumulateCalls.Shape shape) {
        String operator = description.substring(0, description.indexOf('('));
        InternalTypeInfo<RowData> outputType = (InternalTypeInfo<RowData>) aggregate.getOutputType();
        RowType rowType = outputType.toRowType();
        List<String> groupBy = PlanDescription.attribute(description, "groupBy").map(PlanDescription::items).orElse(List.of());
        List<String> select = PlanDescription.items(PlanDescription.attribute(description, "select").orElseThrow(
                () -> new IllegalStateException("no select list in " + description)));
        if (select.size() != rowType.getFieldCount()) {
            throw new IllegalStateException("the select list of " + description + " does not match its row type " + rowType);
        }
        List<Integer> keys = new ArrayList<>();
        List<Integer> aggregates = new ArrayList<>();
        int windowStart = -1;
        int windowEnd = -1;
        for (int i = 0; i < select.size(); i++) {
            String item = select.get(i);
            if (item.startsWith("start(")) {
                windowStart = i;
            } else if (item.startsWith("end(")) {
                windowEnd = i;
            } else if (item.startsWith("rowtime(") || item.startsWith("proctime(")) {
                continue;
            } else if (groupBy.contains(item)) {
                keys.add(i);
            } else {
                aggregates.add(i);
            }
        }
        if (windowStart < 0 || windowEnd < 0) {
            throw new IllegalArgumentException("a LAZY_CUMULATE aggregate must GROUP BY window_start and window_end "
                    + "(and select both), so that Sluice can tell its windows and their last step apart");
        }
        List<String> keyNames = new ArrayList<>();
        List<RowData.FieldGetter> keyFields = new ArrayList<>();
        for (int key : keys) {
            keyNames.add(rowType.getFieldNames().get(key));
            keyFields.add(RowData.createFieldGetter(rowType.getTypeAt(key), key));
        }
        keyFields.add(RowData.createFieldGetter(rowType.getTypeAt(windowStart), windowStart));
        List<RowData.FieldGetter> aggregateFields = new ArrayList<>();
        List<RowData.FieldGetter> storedFields = new ArrayList<>();
        List<LogicalType> storedTypes = new ArrayList<>();
        for (int i = 0; i < aggregates.size(); i++) {
            LogicalType type = rowType.getTypeAt(aggregates.get(i));
            aggregateFields.add(RowData.createFieldGetter(type, aggregates.get(i)));
            storedFields.add(RowData.createFieldGetter(type, i));
            storedTypes.add(type);
        }
        LazyEmissionFunction function = new LazyEmissionFunction(aggregateFields, storedFields,
                RowData.createFieldGetter(rowType.getTypeAt(windowStart), windowStart),
                RowData.createFieldGetter(rowType.getTypeAt(windowEnd), windowEnd),
                shape.size().toMillis(), InternalTypeInfo.of(RowType.of(storedTypes.toArray(LogicalType[]::new))));
        RowFieldsKey key = new RowFieldsKey(keyFields);
        String keyText = keyNames.isEmpty() ? "window only" : String.join(", ", keyNames);
        String line = "lazy emission after " + operator + " (CUMULATE step " + TimeUtils.formatWithHighestUnit(shape.step())
                + ", size " + TimeUtils.formatWithHighestUnit(shape.size()) + "; key: " + keyText + ")";
        job.insertAfter(aggregate, input -> {
            // keyed by (group key, window start): a key of our own, so a hash exchange of our own
            PartitionTransformation<RowData> exchange = new PartitionTransformation<>((Transformation<RowData>) input,
                    new KeyGroupStreamPartitioner<>(key, StreamGraphGenerator.DEFAULT_LOWER_BOUND_MAX_PARALLELISM));
            OneInputTransformation<RowData, RowData> lazyEmission = new OneInputTransformation<>(exchange,
                    "LazyEmission[" + keyText + "]", new KeyedProcessOperator<>(function), outputType, input.getParallelism());
            lazyEmission.setStateKeySelector(key);
            lazyEmission.setStateKeyType(Types.STRING);
            lazyEmission.setDescription(line);
            if (input.getMaxParallelism() > 0) {
                lazyEmission.setMaxParallelism(input.getMaxParallelism());
            }
            return lazyEmission;
        });
        return line;
    }
}
