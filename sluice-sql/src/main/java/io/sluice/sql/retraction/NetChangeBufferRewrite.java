package io.sluice.sql.retraction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.SimpleOperatorFactory;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.keyselector.RowDataKeySelector;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.TimeUtils;

import io.sluice.runtime.retraction.NetChangeBuffer;
import io.sluice.sql.rewrite.PlanRewrite;
import io.sluice.sql.rewrite.PlannedJob;

/**
 * Puts a {@link NetChangeBuffer} right after every group aggregation with a group key, and right
 * before every upsert sink whose updates Flink materializes by primary key (e.g. behind a join), when
 * {@code sluice.retraction.buffer-interval} is on, so the next aggregation level or the sink gets one
 * net change per key and interval. The buffer is keyed by the aggregation's own key selector, which
 * applies to the aggregation's output because its group keys lead both its input and its output
 * (checked here; other aggregations are left alone), so it chains to the aggregation without a shuffle;
 * before a sink it is keyed like the sink's materializer, by the primary key.
 */
public final class NetChangeBufferRewrite implements PlanRewrite {
    /** E.g. {@code [5]:GlobalGroupAggregate(groupBy=[bidder], select=[bidder, COUNT(count1$0) AS bid_count])}. */
    /** E.g. {@code [9]:SinkMaterializer(pk=[order_id])}, keyed by the sink's primary key. */
    private static final Pattern SINK_MATERIALIZER = Pattern.compile("^(?:\\[\\d+]:)?SinkMaterializer\\(pk=\\[([^\\]]+)]");
    private static final Pattern GROUP_AGGREGATE =
            Pattern.compile("^(?:\\[\\d+]:)?(?:Global)?GroupAggregate\\(groupBy=\\[([^\\]]+)]");

    @Override
    public List<String> apply(PlannedJob job) {
        Optional<Duration> interval = RetractionOptions.bufferInterval(job.config());
        if (interval.isEmpty()) {
            return List.of();
        }
        List<String> applied = new ArrayList<>();
        for (Transformation<?> transformation : job.transformations()) {
            if (!(transformation instanceof OneInputTransformation<?, ?> aggregate) || aggregate.getDescription() == null) {
                continue;
            }
            Matcher materializer = SINK_MATERIALIZER.matcher(aggregate.getDescription());
            if (materializer.find() && aggregate.getStateKeySelector() instanceof RowDataKeySelector primaryKey) {
                // the upsert sink's own keyed step: fold each primary key's updates right before the sink
                job.insertAfter(aggregate, input -> buffer(aggregate, primaryKey, interval.get(), true));
                applied.add("net-change buffer (" + TimeUtils.formatWithHighestUnit(interval.get()) + ") before the sink after "
                        + aggregate.getName() + " (key: " + materializer.group(1) + "): a primary key's updates within "
                        + "the interval go to the sink as one");
                continue;
            }
            Matcher groupBy = GROUP_AGGREGATE.matcher(aggregate.getDescription());
            if (!groupBy.find() || !(aggregate.getStateKeySelector() instanceof RowDataKeySelector key)
                    || !(aggregate.getInputType() instanceof InternalTypeInfo<?> in)
                    || !(aggregate.getOutputType() instanceof InternalTypeInfo<?> out)
                    || !(in.toLogicalType() instanceof RowType inRow) || !(out.toLogicalType() instanceof RowType outRow)) {
                continue;
            }
            List<String> keys = Arrays.stream(groupBy.group(1).split(",")).map(String::trim).toList();
            if (!leads(keys, inRow) || !leads(keys, outRow)) {
                continue;
            }
            job.insertAfter(aggregate, input -> buffer(aggregate, key, interval.get(), false));
            applied.add("net-change buffer (" + TimeUtils.formatWithHighestUnit(interval.get()) + ") after "
                    + aggregate.getName() + " (key: " + String.join(", ", keys) + "): a key's updates within the "
                    + "interval go out as one net change");
        }
        return applied;
    }

    /** Whether the row's first fields are the group keys, in order. */
    private static boolean leads(List<String> keys, RowType row) {
        List<String> names = row.getFieldNames();
        return names.size() >= keys.size() && names.subList(0, keys.size()).equals(keys);
    }

    @SuppressWarnings("unchecked")
    private static Transformation<RowData> buffer(OneInputTransformation<?, ?> aggregate, RowDataKeySelector key,
            Duration interval, boolean upsertOutput) {
        Transformation<RowData> aggregated = (Transformation<RowData>) aggregate;
        InternalTypeInfo<RowData> type = (InternalTypeInfo<RowData>) aggregated.getOutputType();
        SimpleOperatorFactory<RowData> factory = SimpleOperatorFactory.of(new NetChangeBuffer(type, interval, upsertOutput));
        factory.setChainingStrategy(ChainingStrategy.ALWAYS);
        OneInputTransformation<RowData, RowData> buffer = new OneInputTransformation<>(aggregated, "NetChangeBuffer",
                factory, type, aggregate.getParallelism());
        buffer.setDescription("NetChangeBuffer(interval=[" + TimeUtils.formatWithHighestUnit(interval) + "], after=["
                + aggregate.getName() + "])");
        if (aggregate.getMaxParallelism() > 0) {
            buffer.setMaxParallelism(aggregate.getMaxParallelism());
        }
        RowDataKeySelector bufferKey = key.copy();
        buffer.setStateKeySelector(bufferKey);
        buffer.setStateKeyType(bufferKey.getProducedType());
        return buffer;
    }
}
