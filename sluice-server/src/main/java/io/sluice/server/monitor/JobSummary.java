package io.sluice.server.monitor;

import java.time.Instant;

/**
 * A job's figures from the monitor's latest round, for job lists: records per second read by its
 * sources and written by its sinks, and when its latest checkpoint completed (null when none has).
 */
public record JobSummary(Instant sampledAt, double recordsInPerSecond, double recordsOutPerSecond, Instant lastCheckpointAt) {
}
