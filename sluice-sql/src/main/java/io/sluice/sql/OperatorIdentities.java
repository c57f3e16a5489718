package io.sluice.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.transformations.LegacySinkTransformation;
import org.apache.flink.streaming.api.transformations.LegacySourceTransformation;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.transformations.PartitionTransformation;
import org.apache.flink.streaming.api.transformations.SideOutputTransformation;
import org.apache.flink.streaming.api.transformations.SinkTransformation;
import org.apache.flink.streaming.api.transformations.SourceTransformation;
import org.apache.flink.streaming.api.transformations.TwoInputTransformation;
import org.apache.flink.streaming.api.transformations.UnionTransformation;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Gives a job's operators uids derived from what they keep in state instead of from the plan's shape.
 *
 * <p>Flink SQL otherwise identifies operators by their position in the plan, so adding a filter or a
 * column shifts every identity and a savepoint no longer fits. Here a source is named by its table, a
 * sink by its table, and a keyed (stateful) operator by its kind, its key, input and output types and
 * the stateful operators it reads from; operators without keyed state (calculations, watermark
 * assigners, exchanges) are left out of that lineage. So a stateless change keeps every stateful
 * identity, while a change to what an operator stores gives it a new one and the savepoint's state for
 * the old one is reported as unmapped, before the job runs, instead of failing on restore.
 */
final class OperatorIdentities {
    private static final Pattern NODE_NUMBER = Pattern.compile("\\[\\d+]$");
    private static final Pattern SOURCE_TABLE = Pattern.compile("table=\\[\\[([^,\\]]+), ([^,\\]]+), ([^,\\]]+)");
    private static final Pattern SINK_TABLE = Pattern.compile("table=\\[([^\\],]+)]");

    private final Map<Transformation<?>, String> lineages = new IdentityHashMap<>();
    private final Map<String, Integer> occurrences = new HashMap<>();

    /** Sets the uid of every operator reachable from the given sinks, in a deterministic order. */
    void assign(List<Transformation<?>> sinks) {
        for (Transformation<?> sink : sinks) {
            lineage(sink);
        }
    }

    /** What downstream operators inherit as their input's identity: the nearest stateful ancestors. */
    private String lineage(Transformation<?> transformation) {
        String known = lineages.get(transformation);
        if (known != null) {
            return known;
        }
        List<String> inputs = new ArrayList<>();
        for (Transformation<?> input : transformation.getInputs()) {
            inputs.add(lineage(input));
        }
        String upstream = String.join(",", inputs);
        String lineage;
        if (transformation instanceof PartitionTransformation<?> || transformation instanceof UnionTransformation<?>
                || transformation instanceof SideOutputTransformation<?>) {
            lineage = upstream; // virtual: not operators of their own
        } else {
            String signature = kind(transformation) + "(" + identity(transformation) + ")<-[" + upstream + "]";
            transformation.setUid(uid(transformation, signature));
            lineage = stateful(transformation) ? hash(signature) : upstream;
        }
        lineages.put(transformation, lineage);
        return lineage;
    }

    private String uid(Transformation<?> transformation, String signature) {
        // identical operators (e.g. two equal aggregations of one source) are told apart by their order
        int occurrence = occurrences.merge(signature, 1, Integer::sum) - 1;
        return "sluice-" + kind(transformation).toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + hash(signature)
                + (occurrence == 0 ? "" : "-" + occurrence);
    }

    private static boolean stateful(Transformation<?> transformation) {
        return isSource(transformation) || isSink(transformation) || keyed(transformation)
                || transformation instanceof TwoInputTransformation<?, ?, ?>;
    }

    private static boolean keyed(Transformation<?> transformation) {
        if (transformation instanceof OneInputTransformation<?, ?> oneInput) {
            return oneInput.getStateKeySelector() != null;
        }
        if (transformation instanceof TwoInputTransformation<?, ?, ?> twoInput) {
            return twoInput.getStateKeySelector1() != null || twoInput.getStateKeySelector2() != null;
        }
        return false;
    }

    private static boolean isSource(Transformation<?> transformation) {
        return transformation instanceof SourceTransformation<?, ?, ?> || transformation instanceof LegacySourceTransformation<?>;
    }

    private static boolean isSink(Transformation<?> transformation) {
        return transformation instanceof SinkTransformation<?, ?> || transformation instanceof LegacySinkTransformation<?>;
    }

    private static String kind(Transformation<?> transformation) {
        if (isSource(transformation)) {
            return "source";
        }
        if (isSink(transformation)) {
            return "sink";
        }
        return NODE_NUMBER.matcher(transformation.getName()).replaceFirst("");
    }

    /** What the operator's state depends on: its table for sources and sinks, its types otherwise. */
    private static String identity(Transformation<?> transformation) {
        String description = transformation.getDescription() == null ? "" : transformation.getDescription();
        if (isSource(transformation)) {
            Matcher table = SOURCE_TABLE.matcher(description);
            return table.find() ? table.group(1) + "." + table.group(2) + "." + table.group(3) : kind(transformation);
        }
        if (isSink(transformation)) {
            Matcher table = SINK_TABLE.matcher(description);
            return table.find() ? table.group(1) : NODE_NUMBER.matcher(transformation.getName()).replaceFirst("");
        }
        if (!stateful(transformation)) {
            return "";
        }
        String inputs = transformation.getInputs().stream()
                .map(input -> fingerprint(input.getOutputType()))
                .collect(Collectors.joining(";"));
        return "key=" + fingerprint(keyType(transformation)) + " in=" + inputs + " out=" + fingerprint(transformation.getOutputType());
    }

    private static TypeInformation<?> keyType(Transformation<?> transformation) {
        if (transformation instanceof OneInputTransformation<?, ?> oneInput) {
            return oneInput.getStateKeyType();
        }
        if (transformation instanceof TwoInputTransformation<?, ?, ?> twoInput) {
            return twoInput.getStateKeyType();
        }
        return null;
    }

    /** A type without its field names, which a query may rename without changing what is stored. */
    private static String fingerprint(TypeInformation<?> type) {
        if (type == null) {
            return "-";
        }
        if (type instanceof InternalTypeInfo<?> internal) {
            LogicalType logical = internal.toLogicalType();
            if (logical instanceof RowType row) {
                return row.getChildren().stream().map(OperatorIdentities::summary).collect(Collectors.joining(",", "<", ">"));
            }
            return summary(logical);
        }
        return type.toString();
    }

    private static String summary(LogicalType type) {
        // a rowtime attribute is still a timestamp in state
        return type.asSummaryString().replace(" *ROWTIME*", "").replace(" *PROCTIME*", "");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
