package io.sluice.sql.function;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.SimpleOperatorFactory;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;

import io.sluice.runtime.function.NewRowMarker;
import io.sluice.sql.rewrite.PlanRewrite;
import io.sluice.sql.rewrite.PlannedJob;

/**
 * Puts a {@link NewRowMarker} in front of each chain of operators that call reused functions (see
 * {@link CallReuse}), so a remembered call serves its own row only: once per row, even when the next
 * row has equal arguments. Operators that follow one another directly share one marker, so calls
 * in a filter and in a projection Flink keeps apart still count once.
 */
public final class RowMarkers implements PlanRewrite {
    private static final String NAME = "NewRowMarker";

    @Override
    public List<String> apply(PlannedJob job) {
        List<String> functions = job.config().getOptional(CallReuse.FUNCTIONS).orElse(List.of());
        if (functions.isEmpty() || !job.config().get(CallReuse.ENABLED)) {
            return List.of();
        }
        Pattern call = Pattern.compile("(?i)(?<![\\w$])(" + functions.stream().map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")\\(");
        List<String> applied = new ArrayList<>();
        for (Transformation<?> transformation : job.transformations()) {
            if (!(transformation instanceof OneInputTransformation<?, ?> calling) || !calls(calling, call)) {
                continue;
            }
            Transformation<?> input = calling.getInputs().get(0);
            if (input instanceof OneInputTransformation<?, ?> previous && (calls(previous, call) || isMarker(previous))) {
                continue;
            }
            PlannedJob.replaceInput(calling, input, marker(input, calling));
            applied.add("new-row marker before " + calling.getName().replaceFirst("\\[\\d+]$", "")
                    + ": reused calls serve one row each");
        }
        return applied;
    }

    private static boolean calls(OneInputTransformation<?, ?> transformation, Pattern call) {
        return transformation.getDescription() != null && call.matcher(transformation.getDescription()).find();
    }

    private static boolean isMarker(OneInputTransformation<?, ?> transformation) {
        return transformation.getName().equals(NAME);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Transformation<?> marker(Transformation<?> input, Transformation<?> consumer) {
        SimpleOperatorFactory factory = SimpleOperatorFactory.of(new NewRowMarker<>());
        factory.setChainingStrategy(ChainingStrategy.ALWAYS);
        OneInputTransformation marker = new OneInputTransformation(input, NAME, factory, input.getOutputType(),
                consumer.getParallelism());
        marker.setDescription(NAME + "()");
        if (consumer.getMaxParallelism() > 0) {
            marker.setMaxParallelism(consumer.getMaxParallelism());
        }
        return marker;
    }
}
