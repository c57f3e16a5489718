package io.sluice.server.monitor;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One value of one metric of a job's vertex (or of the whole job, with an empty vertex id) at one time. */
public record MetricSample(String job, String vertexId, String vertexName, String metric, Instant sampledAt, double value) {
    public static final String JOB_WIDE = "";

    public MetricSample {
        requireNonNull(job, "job is null");
        requireNonNull(vertexId, "vertexId is null");
        requireNonNull(vertexName, "vertexName is null");
        requireNonNull(metric, "metric is null");
        requireNonNull(sampledAt, "sampledAt is null");
    }
}
