package io.sluice.sql.lookup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.flink.api.dag.Transformation;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.transformations.PartitionTransformation;
import org.apache.flink.streaming.runtime.partitioner.CustomPartitionerWrapper;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

import io.sluice.runtime.lookup.BucketShuffle;
import io.sluice.runtime.lookup.BucketedJdbcTableFactory;
import io.sluice.sql.rewrite.PlanRewrite;
import io.sluice.sql.rewrite.PlannedJob;

/**
 * Partitions the stream of a lookup join on a {@code 'jdbc-bucketed'} table by the lookup key, so each
 * row reaches the instance that caches its key's bucket, without the {@code LOOKUP} hint the planner
 * otherwise needs for that shuffle. Where the hint is given the planner has shuffled already; where the
 * lookup key includes a constant (e.g. {@code AND u.tier = 'gold'}) the hint is still needed, and
 * explain says so.
 */
public final class BucketedLookupShuffle implements PlanRewrite {
    /** Turns the shuffle off; rows of other buckets are then looked up in the database, uncached. */
    public static final ConfigOption<Boolean> ENABLED = ConfigOptions.key("sluice.lookup.bucketed-shuffle")
            .booleanType().defaultValue(true);

    private static final Pattern LOOKUP_JOIN = Pattern.compile("LookupJoin\\(table=\\[([^\\]]+)], .*?lookup=\\[([^\\]]*)]");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    @Override
    public List<String> apply(PlannedJob job) {
        if (!job.config().get(ENABLED)) {
            return List.of();
        }
        List<String> applied = new ArrayList<>();
        for (Transformation<?> transformation : job.transformations()) {
            if (!(transformation instanceof OneInputTransformation<?, ?> join) || !join.getName().startsWith("LookupJoin")
                    || join.getDescription() == null || join.getDescription().contains("shuffle=[true]")) {
                continue;
            }
            Matcher lookup = LOOKUP_JOIN.matcher(join.getDescription());
            if (!lookup.find() || !BucketedJdbcTableFactory.IDENTIFIER.equals(job.tableOptions(lookup.group(1)).get("connector"))) {
                continue;
            }
            applied.add(shuffle(join, lookup.group(1), lookup.group(2)));
        }
        return applied;
    }

    private static String shuffle(OneInputTransformation<?, ?> join, String table, String lookupKeys) {
        Transformation<?> input = join.getInputs().get(0);
        RowType inputRow = rowType(input);
        RowType joined = rowType(join);
        // the dimension table's columns follow the stream's in the join's output, in the table's order
        List<String> dimensionColumns = joined.getFieldNames().subList(inputRow.getFieldCount(), joined.getFieldCount());
        List<String[]> pairs = new ArrayList<>();
        for (String pair : lookupKeys.split(", ")) {
            String[] sides = pair.split("=", 2);
            if (sides.length != 2 || !FIELD.matcher(sides[1]).matches() || inputRow.getFieldIndex(sides[1]) < 0) {
                return "bucketed lookup of " + table + " not shuffled: its lookup key " + lookupKeys
                        + " has a constant; add /*+ LOOKUP('table'='<alias>', 'shuffle'='true') */";
            }
            pairs.add(sides);
        }
        pairs.sort(Comparator.comparingInt(sides -> dimensionColumns.indexOf(sides[0])));
        int[] positions = new int[pairs.size()];
        LogicalType[] types = new LogicalType[pairs.size()];
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            positions[i] = inputRow.getFieldIndex(pairs.get(i)[1]);
            types[i] = inputRow.getTypeAt(positions[i]);
            fields.add(pairs.get(i)[1]);
        }
        @SuppressWarnings("unchecked")
        Transformation<RowData> rows = (Transformation<RowData>) input;
        PartitionTransformation<RowData> partitioned = new PartitionTransformation<>(rows,
                new CustomPartitionerWrapper<>(BucketShuffle.partitioner(), BucketShuffle.joinKeys(positions, types)));
        PlannedJob.replaceInput(join, input, partitioned);
        return "bucketed shuffle before " + join.getName().replaceFirst("\\[\\d+]$", "") + " (" + table + "; key: " + String.join(", ", fields) + ")";
    }

    private static RowType rowType(Transformation<?> transformation) {
        if (transformation.getOutputType() instanceof InternalTypeInfo<?> internal
                && internal.toLogicalType() instanceof RowType row) {
            return row;
        }
        throw new IllegalStateException("expected rows out of " + transformation.getName() + ", got " + transformation.getOutputType());
    }
}
