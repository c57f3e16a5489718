package io.sluice.sql.retraction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.SimpleOperatorFactory;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.transformations.TwoInputTransformation;
import org.apache.flink.table.api.config.ExecutionConfigOptions;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.keyselector.RowDataKeySelector;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.util.TimeUtils;

import io.sluice.runtime.retraction.JoinOutputKeySelector;
import io.sluice.runtime.retraction.OuterJoinPaddingCache;
import io.sluice.sql.rewrite.PlanRewrite;
import io.sluice.sql.rewrite.PlannedJob;

/**
 * Puts an {@link OuterJoinPaddingCache} right after every LEFT, RIGHT and FULL regular join when
 * {@code sluice.retraction.outer-join-cache-interval} is on. The cache is keyed by the join's own key
 * selectors, so it chains to the join without a shuffle.
 */
public final class OuterJoinCacheRewrite implements PlanRewrite {
    /** The planner's description of a regular join, e.g. {@code [7]:Join(joinType=[LeftOuterJoin], where=[(bidder = id)], ...)}. */
    private static final Pattern JOIN_TYPE = Pattern.compile("^(?:\\[\\d+]:)?Join\\(joinType=\\[(LeftOuterJoin|RightOuterJoin|FullOuterJoin)]");
    private static final Pattern WHERE = Pattern.compile("where=\\[(.*?)], select=");

    @Override
    public List<String> apply(PlannedJob job) {
        Optional<Duration> interval = RetractionOptions.outerJoinCacheInterval(job.config());
        if (interval.isEmpty()) {
            return List.of();
        }
        Duration stateTtl = job.config().get(ExecutionConfigOptions.IDLE_STATE_RETENTION);
        List<String> applied = new ArrayList<>();
        for (Transformation<?> transformation : job.transformations()) {
            if (!(transformation instanceof TwoInputTransformation<?, ?, ?> join) || join.getDescription() == null) {
                continue;
            }
            Matcher type = JOIN_TYPE.matcher(join.getDescription());
            if (!type.find() || !(join.getStateKeySelector1() instanceof RowDataKeySelector leftKey)
                    || !(join.getStateKeySelector2() instanceof RowDataKeySelector rightKey)
                    || !(join.getInputType1() instanceof InternalTypeInfo<?> leftType)
                    || !(join.getInputType2() instanceof InternalTypeInfo<?> rightType)) {
                continue;
            }
            String joinType = type.group(1);
            boolean leftOuter = !joinType.equals("RightOuterJoin");
            boolean rightOuter = !joinType.equals("LeftOuterJoin");
            int leftArity = leftType.toRowSize();
            job.insertAfter(join, input -> cache(join, leftKey, rightKey, leftArity, rightType.toRowSize(), leftOuter,
                    rightOuter, interval.get(), stateTtl));
            Matcher where = WHERE.matcher(join.getDescription());
            applied.add("outer-join cache (" + TimeUtils.formatWithHighestUnit(interval.get()) + ") after " + join.getName()
                    + " " + joinType + " (key: " + (where.find() ? where.group(1) : "join key") + "): rows padded with "
                    + "NULLs wait for their match instead of being sent and retracted");
        }
        return applied;
    }

    @SuppressWarnings("unchecked")
    private static Transformation<RowData> cache(TwoInputTransformation<?, ?, ?> join, RowDataKeySelector leftKey,
            RowDataKeySelector rightKey, int leftArity, int rightArity, boolean leftOuter, boolean rightOuter,
            Duration interval, Duration stateTtl) {
        Transformation<RowData> joined = (Transformation<RowData>) join;
        OuterJoinPaddingCache operator = new OuterJoinPaddingCache((InternalTypeInfo<RowData>) joined.getOutputType(),
                leftArity, leftOuter, rightOuter, interval, stateTtl);
        SimpleOperatorFactory<RowData> factory = SimpleOperatorFactory.of(operator);
        factory.setChainingStrategy(ChainingStrategy.ALWAYS);
        OneInputTransformation<RowData, RowData> cache = new OneInputTransformation<>(joined, "OuterJoinCache", factory,
                joined.getOutputType(), join.getParallelism());
        cache.setDescription("OuterJoinCache(interval=[" + TimeUtils.formatWithHighestUnit(interval) + "], join=["
                + join.getName() + "])");
        if (join.getMaxParallelism() > 0) {
            cache.setMaxParallelism(join.getMaxParallelism());
        }
        JoinOutputKeySelector key = new JoinOutputKeySelector(leftKey.copy(), rightKey.copy(), leftArity, rightArity);
        cache.setStateKeySelector(key);
        cache.setStateKeyType(key.getProducedType());
        return cache;
    }
}
