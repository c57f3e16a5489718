package io.sluice.sql.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.flink.api.dag.Transformation;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.TimeUtils;

import io.sluice.runtime.window.LazyEmissionFunction;
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
        WindowAggregateColumns columns = WindowAggregateColumns.of(description,
                ((InternalTypeInfo<RowData>) aggregate.getOutputType()).toRowType());
        if (columns.windowStart() < 0 || columns.windowEnd() < 0) {
            throw new IllegalArgumentException("a LAZY_CUMULATE aggregate must GROUP BY window_start and window_end "
                    + "(and select both), so that Sluice can tell its windows and their last step apart");
        }
        List<RowData.FieldGetter> aggregateFields = new ArrayList<>();
        List<RowData.FieldGetter> storedFields = new ArrayList<>();
        List<LogicalType> storedTypes = new ArrayList<>();
        for (int aggregateField : columns.aggregates()) {
            LogicalType type = columns.rowType().getTypeAt(aggregateField);
            aggregateFields.add(columns.field(aggregateField));
            storedFields.add(RowData.createFieldGetter(type, storedTypes.size()));
            storedTypes.add(type);
        }
        LazyEmissionFunction function = new LazyEmissionFunction(aggregateFields, storedFields,
                columns.field(columns.windowStart()), columns.field(columns.windowEnd()),
                shape.size().toMillis(), InternalTypeInfo.of(RowType.of(storedTypes.toArray(LogicalType[]::new))));
        String line = "lazy emission after " + operator + " (CUMULATE step " + TimeUtils.formatWithHighestUnit(shape.step())
                + ", size " + TimeUtils.formatWithHighestUnit(shape.size()) + "; key: " + columns.describeKey() + ")";
        KeyedInsertion.after(job, aggregate, columns.keyAndWindow(), function, "LazyEmission[" + columns.describeKey() + "]", line);
        return line;
    }
}
