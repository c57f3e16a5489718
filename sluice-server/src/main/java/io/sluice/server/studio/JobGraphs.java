package io.sluice.server.studio;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.sluice.server.api.ApiException;
import io.sluice.server.deploy.FlinkClient;
import io.sluice.server.deploy.FlinkUnavailableException;
import io.sluice.server.jobs.JobService;
import io.sluice.server.jobs.JobStatus;

/**
 * The job graph of a job's latest deployment as the studio draws it: Flink's plan (one vertex per
 * operator chain, with parallelism and inputs) joined with each vertex's counters, summed over its subtasks.
 */
public final class JobGraphs {
    private static final List<String> COUNTERS =
            List.of("numRecordsIn", "numRecordsOut", "numRecordsOutPerSecond", "backPressuredTimeMsPerSecond");
    // asked for apart: Flink answers nothing at all when one metric asked for is missing, and a source has no input watermark
    private static final List<String> WATERMARK = List.of("currentInputWatermark");

    private final JobService jobs;
    private final FlinkClient flink;

    public JobGraphs(JobService jobs, FlinkClient flink) {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.flink = requireNonNull(flink, "flink is null");
    }

    /** What {@code GET /api/jobs/{name}/graph} answers. */
    public Map<String, Object> graph(String jobName) {
        try {
            return graphOf(jobName);
        } catch (FlinkUnavailableException e) {
            throw ApiException.unavailable(e.getMessage());
        }
    }

    private Map<String, Object> graphOf(String jobName) {
        JobStatus status = jobs.status(jobName);
        String flinkJobId = status.flinkJobId();
        if (flinkJobId == null) {
            throw ApiException.notFound("job " + jobName + " has not run on the cluster yet; deploy it to see its graph");
        }
        JsonNode job = flink.job(flinkJobId).orElseThrow(() -> ApiException.notFound("the cluster no longer knows job "
                + jobName + "'s deployment (Flink job " + flinkJobId + "); deploy it again to see its graph"));

        Map<String, List<String>> inputs = new HashMap<>();
        for (JsonNode node : job.path("plan").path("nodes")) {
            List<String> ids = new ArrayList<>();
            node.path("inputs").forEach(input -> ids.add(input.path("id").asText()));
            inputs.put(node.path("id").asText(), ids);
        }
        boolean running = "RUNNING".equals(job.path("state").asText());
        List<Map<String, Object>> vertices = new ArrayList<>();
        for (JsonNode vertex : job.path("vertices")) {
            String id = vertex.path("id").asText();
            Map<String, Double> metrics = running ? metrics(flinkJobId, id) : Map.of();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", id);
            view.put("name", vertex.path("name").asText());
            view.put("parallelism", vertex.path("parallelism").asInt());
            view.put("status", vertex.path("status").asText(null));
            view.put("inputs", inputs.getOrDefault(id, List.of()));
            // Flink's vertex counters count network records only; the task metrics also count what
            // sources read and sinks write, so they are preferred while the job runs
            view.put("recordsIn", count(metrics.get("numRecordsIn"), vertex.path("metrics").path("read-records")));
            view.put("recordsOut", count(metrics.get("numRecordsOut"), vertex.path("metrics").path("write-records")));
            view.put("recordsOutPerSecond", metrics.get("numRecordsOutPerSecond"));
            Double backPressured = metrics.get("backPressuredTimeMsPerSecond");
            view.put("backpressure", backPressured == null ? null : Math.min(1.0, backPressured / 1000.0));
            Double watermark = metrics.get("currentInputWatermark");
            // Flink reports Long.MIN_VALUE until a watermark arrived (and always for sources)
            view.put("watermark", watermark == null || watermark <= Long.MIN_VALUE ? null : watermark.longValue());
            vertices.add(view);
        }
        Map<String, Object> graph = new LinkedHashMap<>();
        graph.put("flinkJobId", flinkJobId);
        graph.put("state", job.path("state").asText());
        graph.put("vertices", vertices);
        graph.put("checkpoints", checkpoints(flinkJobId));
        return graph;
    }

    /** Counts of completed and failed checkpoints and the latest completed one, from Flink's checkpoint statistics. */
    private Map<String, Object> checkpoints(String flinkJobId) {
        Map<String, Object> view = new LinkedHashMap<>();
        flink.checkpoints(flinkJobId).ifPresent(stats -> {
            view.put("completed", stats.path("counts").path("completed").asLong());
            view.put("failed", stats.path("counts").path("failed").asLong());
            JsonNode latest = stats.path("latest").path("completed");
            if (latest.isObject()) {
                view.put("lastId", latest.path("id").asLong());
                view.put("lastCompletedAt", latest.path("latest_ack_timestamp").asLong());
                view.put("lastDurationMs", latest.path("end_to_end_duration").asLong());
                view.put("lastSizeBytes", latest.path("checkpointed_size").asLong());
            }
        });
        return view;
    }

    /**
     * Each metric summed over the vertex's subtasks, except back pressure (the worst subtask's) and the
     * watermark (the lowest subtask's, which is what holds event time back).
     */
    private Map<String, Double> metrics(String flinkJobId, String vertexId) {
        Map<String, Double> values = new HashMap<>();
        List<JsonNode> answers = new ArrayList<>();
        flink.vertexMetrics(flinkJobId, vertexId, COUNTERS).ifPresent(answers::add);
        flink.vertexMetrics(flinkJobId, vertexId, WATERMARK).ifPresent(answers::add);
        answers.forEach(answer -> answer.forEach(metric -> {
            String id = metric.path("id").asText();
            JsonNode value = switch (id) {
                case "backPressuredTimeMsPerSecond" -> metric.path("max");
                case "currentInputWatermark" -> metric.path("min");
                default -> metric.path("sum");
            };
            if (value.isNumber()) {
                values.put(id, value.asDouble());
            }
        }));
        return values;
    }

    private static Long count(Double taskMetric, JsonNode vertexCounter) {
        if (taskMetric != null) {
            return taskMetric.longValue();
        }
        return vertexCounter.isNumber() ? vertexCounter.asLong() : null;
    }
}
