package io.sluice.server.monitor;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.sluice.server.deploy.FlinkClient;
import io.sluice.server.jobs.JobService;
import io.sluice.server.jobs.JobStatus;

/**
 * Samples every running job's metrics from Flink at a fixed interval and keeps them for the configured
 * retention: per vertex the record rates, back pressure, busy time and input watermark; per job the
 * records its source operators read and its sink operators take, and its latest checkpoint.
 */
public final class JobMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(JobMonitor.class);
    private static final List<String> TASK_METRICS = List.of("numRecordsInPerSecond", "numRecordsOutPerSecond",
            "backPressuredTimeMsPerSecond", "busyTimeMsPerSecond");
    // asked for apart: Flink answers nothing at all when one metric asked for is missing, and a source has no input watermark
    private static final List<String> WATERMARK = List.of("currentInputWatermark");
    /** Records a source operator read: Flink names it {@code Source__<table>[n]}. */
    private static final Pattern SOURCE_OUT = Pattern.compile("Source__.*\\.numRecordsOutPerSecond");
    /** Records a sink operator took: {@code <table>[n]__Writer} (sink V2) or {@code Sink__<table>} (legacy). */
    private static final Pattern SINK_IN = Pattern.compile("(.*__Writer|Sink__.*)\\.numRecordsInPerSecond");

    private final JobService jobs;
    private final FlinkClient flink;
    private final MetricRepository repository;
    private final Duration retention;
    private final Clock clock;

    public JobMonitor(JobService jobs, FlinkClient flink, MetricRepository repository, Duration retention, Clock clock) {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.flink = requireNonNull(flink, "flink is null");
        this.repository = requireNonNull(repository, "repository is null");
        this.retention = requireNonNull(retention, "retention is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** One round: samples every running job, then drops samples past the retention. Never throws. */
    public void sampleAll() {
        try {
            Instant now = clock.instant();
            for (JobStatus status : jobs.list()) {
                if ("RUNNING".equals(status.state()) && status.flinkJobId() != null) {
                    sampleJob(status.name(), status.flinkJobId(), now);
                }
            }
            repository.deleteBefore(now.minus(retention));
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again; the next round may well succeed
            LOG.warn("Sampling job metrics failed; trying again next round: {}", e.toString());
        }
    }

    private void sampleJob(String job, String flinkJobId, Instant now) {
        Optional<JsonNode> details = flink.job(flinkJobId);
        if (details.isEmpty()) {
            return;
        }
        List<MetricSample> samples = new ArrayList<>();
        double recordsIn = 0;
        double recordsOut = 0;
        for (JsonNode vertex : details.get().path("vertices")) {
            String id = vertex.path("id").asText();
            String name = vertex.path("name").asText();
            List<String> available = flink.vertexMetricNames(flinkJobId, id);
            List<String> read = available.stream().filter(metric -> SOURCE_OUT.matcher(metric).matches()).toList();
            List<String> written = available.stream().filter(metric -> SINK_IN.matcher(metric).matches()).toList();
            double sourceRate = sum(flinkJobId, id, read);
            double sinkRate = sum(flinkJobId, id, written);
            recordsIn += sourceRate;
            recordsOut += sinkRate;
            for (JsonNode metric : metrics(flinkJobId, id)) {
                double sum = metric.path("sum").asDouble();
                double max = metric.path("max").asDouble();
                switch (metric.path("id").asText()) {
                    // what a task reads or writes outside Flink counts too, so a chained source or sink is not 0
                    case "numRecordsInPerSecond" -> samples.add(new MetricSample(job, id, name, "recordsInPerSecond", now, sum + sourceRate));
                    case "numRecordsOutPerSecond" -> samples.add(new MetricSample(job, id, name, "recordsOutPerSecond", now, sum + sinkRate));
                    case "backPressuredTimeMsPerSecond" -> samples.add(new MetricSample(job, id, name, "backPressuredMsPerSecond", now, max));
                    case "busyTimeMsPerSecond" -> samples.add(new MetricSample(job, id, name, "busyMsPerSecond", now, max));
                    case "currentInputWatermark" -> {
                        // a task without input (a source) or before its first watermark reports Long.MIN_VALUE
                        double watermark = metric.path("min").asDouble();
                        if (watermark > 0) {
                            samples.add(new MetricSample(job, id, name, "watermark", now, watermark));
                        }
                    }
                    default -> { }
                }
            }
        }
        samples.add(new MetricSample(job, MetricSample.JOB_WIDE, job, "recordsInPerSecond", now, recordsIn));
        samples.add(new MetricSample(job, MetricSample.JOB_WIDE, job, "recordsOutPerSecond", now, recordsOut));
        flink.checkpoints(flinkJobId).map(checkpoints -> checkpoints.path("latest").path("completed"))
                .filter(completed -> completed.isObject())
                .ifPresent(completed -> {
                    samples.add(new MetricSample(job, MetricSample.JOB_WIDE, job, "checkpointDurationMs", now,
                            completed.path("end_to_end_duration").asDouble()));
                    samples.add(new MetricSample(job, MetricSample.JOB_WIDE, job, "checkpointSizeBytes", now,
                            completed.path("checkpointed_size").asDouble(completed.path("state_size").asDouble())));
                    samples.add(new MetricSample(job, MetricSample.JOB_WIDE, job, "lastCheckpointAt", now,
                            completed.path("latest_ack_timestamp").asDouble()));
                });
        repository.insert(samples);
    }

    private List<JsonNode> metrics(String flinkJobId, String vertexId) {
        List<JsonNode> metrics = new ArrayList<>();
        flink.vertexMetrics(flinkJobId, vertexId, TASK_METRICS).ifPresent(answer -> answer.forEach(metrics::add));
        flink.vertexMetrics(flinkJobId, vertexId, WATERMARK).ifPresent(answer -> answer.forEach(metrics::add));
        return metrics;
    }

    /** The summed rates of the given operator metrics, each over the vertex's subtasks. */
    private double sum(String flinkJobId, String vertexId, List<String> operatorMetrics) {
        if (operatorMetrics.isEmpty()) {
            return 0;
        }
        double total = 0;
        for (JsonNode metric : flink.vertexMetrics(flinkJobId, vertexId, operatorMetrics).orElse(MissingNode.getInstance())) {
            total += metric.path("sum").asDouble();
        }
        return total;
    }
}
