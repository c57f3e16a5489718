package io.sluice.cli.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.runtime.checksum.ChecksumAccumulators;
import java.time.Duration;
import java.util.Map;

/** Runs one script as one variant on the cluster, waits for it to finish and collects its figures. */
final class BenchRunner {
    private final FlinkRest flink;
    private final JobSubmitter submitter;
    private final TaskManagerCpu cpu;
    private final Duration timeout;

    BenchRunner(FlinkRest flink, JobSubmitter submitter, TaskManagerCpu cpu, Duration timeout) {
        this.flink = requireNonNull(flink, "flink is null");
        this.submitter = requireNonNull(submitter, "submitter is null");
        this.cpu = requireNonNull(cpu, "cpu is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    String cpuSource() {
        return cpu.source();
    }

    RunResult run(Variant variant, String script, String jobName, long events) {
        Duration cpuBefore = cpu.total();
        String jobId;
        try {
            jobId = submitter.submit(variant, script, jobName);
        } catch (RuntimeException e) {
            return RunResult.failed(variant, events, "submission failed: " + rootMessage(e));
        }
        JsonNode job;
        try {
            job = flink.awaitTerminal(jobId, timeout);
        } catch (RuntimeException e) {
            flink.cancel(jobId);
            throw e;
        }
        Duration cpuUsed = cpu.total().minus(cpuBefore);
        if (!"FINISHED".equals(job.path("state").asText())) {
            return RunResult.failed(variant, events, job.path("state").asText() + ": " + flink.failure(jobId));
        }
        Map<String, String> accumulators = flink.accumulators(jobId);
        return new RunResult(variant, events, tasksElapsedMillis(job), cpuUsed.toNanos(),
                number(accumulators, ChecksumAccumulators.RECORDS),
                number(accumulators, ChecksumAccumulators.ROWS),
                number(accumulators, ChecksumAccumulators.SUM), null);
    }

    /** From the first vertex's start to the last vertex's end; leaves out planning and submission. */
    private static long tasksElapsedMillis(JsonNode job) {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (JsonNode vertex : job.path("vertices")) {
            start = Math.min(start, vertex.path("start-time").asLong());
            end = Math.max(end, vertex.path("end-time").asLong());
        }
        return start == Long.MAX_VALUE ? job.path("duration").asLong() : end - start;
    }

    private static Long number(Map<String, String> accumulators, String name) {
        String value = accumulators.get(name);
        return value == null ? null : Long.valueOf(value);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
