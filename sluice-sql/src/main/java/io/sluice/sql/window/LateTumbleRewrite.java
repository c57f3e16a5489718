package io.sluice.sql.window;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.SimpleOperatorFactory;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.transformations.SideOutputTransformation;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.util.OutputTag;
import org.apache.flink.util.TimeUtils;

import io.sluice.runtime.window.LateCorrectionFunction;
import io.sluice.runtime.window.LateRowDiverter;
import io.sluice.runtime.window.LateRowJson;
import io.sluice.sql.rewrite.PlanRewrite;
import io.sluice.sql.rewrite.PlannedJob;

/**
 * Late-accumulating tumbling windows, for the group-window aggregates that
 * {@code sluice.window.allowed-lateness} makes fire on late rows: before each, a {@link LateRowDiverter}
 * takes out the rows later than the allowed lateness (counted, and written to the late-rows topic when
 * one is set); after each, a {@link LateCorrectionFunction} lets at most one correction per window and
 * key out per interval, and the last one when the window closes.
 */
public final class LateTumbleRewrite implements PlanRewrite {
    private static final Pattern TUMBLING = Pattern.compile("TumblingGroupWindow\\('w\\$, ([^,]+), (\\d+)\\)");

    @Override
    public List<String> apply(PlannedJob job) {
        Optional<Duration> lateness = job.config().getOptional(LateWindowSettings.ALLOWED_LATENESS);
        List<String> applied = new ArrayList<>();
        if (lateness.isEmpty()) {
            return applied;
        }
        List<Transformation<?>> aggregates = new ArrayList<>();
        for (Transformation<?> transformation : job.transformations()) {
            String description = PlanDescription.operator(transformation.getDescription());
            if (description != null && description.startsWith("GroupWindowAggregate(") && description.contains("emit=[")
                    && PlanDescription.attribute(description, "window").map(w -> w.startsWith("TumblingGroupWindow(")).orElse(false)) {
                aggregates.add(transformation);
            }
        }
        for (Transformation<?> aggregate : aggregates) {
            String description = PlanDescription.operator(aggregate.getDescription());
            Matcher window = TUMBLING.matcher(PlanDescription.attribute(description, "window").orElseThrow());
            if (!window.find()) {
                continue;
            }
            long size = Long.parseLong(window.group(2));
            String windowText = "TUMBLE " + TimeUtils.formatWithHighestUnit(Duration.ofMillis(size)) + ", allowed lateness "
                    + TimeUtils.formatWithHighestUnit(lateness.get());
            applied.add(divertLateRows(job, aggregate, window.group(1).trim(), size, lateness.get().toMillis(), windowText));
            applied.add(coalesceCorrections(job, aggregate, description, size, lateness.get().toMillis()));
        }
        return applied;
    }

    @SuppressWarnings("unchecked")
    private static String divertLateRows(PlannedJob job, Transformation<?> aggregate, String timeField, long size, long lateness,
            String windowText) {
        Transformation<RowData> input = (Transformation<RowData>) aggregate.getInputs().get(0);
        RowType inputType = ((InternalTypeInfo<RowData>) input.getOutputType()).toRowType();
        int rowtime = inputType.getFieldNames().indexOf(timeField);
        if (rowtime < 0) {
            throw new IllegalStateException("no time field " + timeField + " in the input " + inputType + " of " + aggregate);
        }
        List<RowData.FieldGetter> fields = new ArrayList<>();
        for (int i = 0; i < inputType.getFieldCount(); i++) {
            fields.add(RowData.createFieldGetter(inputType.getTypeAt(i), i));
        }
        OutputTag<String> lateTag = new OutputTag<>("late-rows", Types.STRING);
        LateRowDiverter diverter = new LateRowDiverter(rowtime, precision(inputType.getTypeAt(rowtime)), size, lateness, lateTag,
                new LateRowJson(inputType.getFieldNames(), fields));
        OneInputTransformation<RowData, RowData> diverting = new OneInputTransformation<>(input, "LateRows",
                SimpleOperatorFactory.of(diverter), input.getOutputType(), aggregate.getParallelism());
        if (aggregate.getMaxParallelism() > 0) {
            diverting.setMaxParallelism(aggregate.getMaxParallelism());
        }
        PlannedJob.replaceInput(aggregate, input, diverting);
        String topic = job.config().getOptional(LateWindowSettings.LATE_ROWS_TOPIC).orElse(null);
        Map<String, String> kafka = job.config().getOptional(LateWindowSettings.LATE_ROWS_KAFKA).orElse(null);
        String destination = "counted in " + LateRowDiverter.METRIC + " and logged";
        if (topic != null && kafka != null) {
            job.sinks().add(lateRowsSink(new SideOutputTransformation<>(diverting, lateTag), topic, kafka, aggregate.getParallelism()));
            destination = "counted in " + LateRowDiverter.METRIC + ", written to topic " + topic;
        }
        String operator = PlanDescription.operator(aggregate.getDescription());
        return "late rows diverted before " + operator.substring(0, operator.indexOf('(')) + " (" + windowText + "; rows later than that: "
                + destination + ")";
    }

    private static Transformation<?> lateRowsSink(Transformation<String> lateRows, String topic, Map<String, String> kafka, int parallelism) {
        Properties producer = new Properties();
        producer.putAll(kafka);
        KafkaSink<String> sink = KafkaSink.<String>builder()
                .setBootstrapServers(kafka.get("bootstrap.servers"))
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(KafkaRecordSerializationSchema.builder()
                        .setTopic(topic)
                        .setValueSerializationSchema(new SimpleStringSchema())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
        // a scratch environment only builds the sink's transformation; the job's own list receives it
        DataStreamSink<String> written = new DataStream<>(new StreamExecutionEnvironment(), lateRows).sinkTo(sink)
                .name("LateRows: " + topic).setParallelism(parallelism);
        return written.getTransformation();
    }

    @SuppressWarnings("unchecked")
    private static String coalesceCorrections(PlannedJob job, Transformation<?> aggregate, String description, long size, long lateness) {
        InternalTypeInfo<RowData> outputType = (InternalTypeInfo<RowData>) aggregate.getOutputType();
        WindowAggregateColumns columns = WindowAggregateColumns.of(description, outputType.toRowType());
        if (columns.windowStart() < 0) {
            throw new IllegalArgumentException("with 'sluice.window.allowed-lateness', a GROUP BY TUMBLE(...) query must select "
                    + "TUMBLE_START(...) (put it in the sink's primary key), so that each window's corrections update its own row");
        }
        long interval = job.config().getOptional(LateWindowSettings.CORRECTION_INTERVAL).map(Duration::toMillis).orElse(size);
        boolean upsert = feedsOnlyUpsertSinks(job, aggregate, job.config().getOptional(LateWindowSettings.UPSERT_SINKS).orElse(List.of()));
        String line = "late corrections coalesced after GroupWindowAggregate (at most one per "
                + TimeUtils.formatWithHighestUnit(Duration.ofMillis(interval)) + " per window and key, the last one when the window closes"
                + (upsert ? ", without retraction (upsert sink)" : "") + "; key: " + columns.describeKey() + ")";
        LateCorrectionFunction function = new LateCorrectionFunction(columns.field(columns.windowStart()), size, lateness, interval,
                upsert, outputType);
        KeyedInsertion.after(job, aggregate, columns.keyAndWindow(), function, "LateCorrections[" + columns.describeKey() + "]", line);
        return line;
    }

    /**
     * Whether the aggregate's rows reach only upsert sinks (tables with a primary key), through
     * stateless projections and filters: then a correction needs no retraction before it.
     */
    private static boolean feedsOnlyUpsertSinks(PlannedJob job, Transformation<?> aggregate, List<String> upsertSinks) {
        Deque<Transformation<?>> open = new ArrayDeque<>(job.consumersOf(aggregate));
        if (open.isEmpty()) {
            return false;
        }
        while (!open.isEmpty()) {
            Transformation<?> consumer = open.pop();
            String description = PlanDescription.operator(consumer.getDescription());
            if (description != null && description.startsWith("Sink(")) {
                if (!upsertSinks.contains(PlanDescription.attribute(description, "table").orElse(""))) {
                    return false;
                }
            } else if (description != null && (description.startsWith("Calc(") || description.startsWith("ConstraintEnforcer"))) {
                open.addAll(job.consumersOf(consumer));
            } else {
                return false;
            }
        }
        return true;
    }

    private static int precision(LogicalType type) {
        if (type instanceof TimestampType timestamp) {
            return timestamp.getPrecision();
        }
        if (type instanceof LocalZonedTimestampType timestamp) {
            return timestamp.getPrecision();
        }
        return 3;
    }
}
