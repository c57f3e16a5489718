package io.sluice.sql;

import java.time.Duration;
import java.util.Optional;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;

/**
 * The settings a user chooses per job version. Absent values fall back to the platform's defaults.
 *
 * @param parallelism default parallelism of the job's operators
 * @param checkpointIntervalMs checkpoint interval; every job checkpoints so that a restart replays exactly
 * @param bufferTimeoutMs network buffer timeout: 0 = flush every record (lowest latency), larger = more throughput
 */
public record JobSettings(Integer parallelism, Long checkpointIntervalMs, Long bufferTimeoutMs) {
    public static final long DEFAULT_CHECKPOINT_INTERVAL_MS = 10_000;
    public static final JobSettings DEFAULTS = new JobSettings(1, DEFAULT_CHECKPOINT_INTERVAL_MS, 100L);

    public JobSettings {
        if (parallelism != null && parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        if (checkpointIntervalMs != null && checkpointIntervalMs < 10) {
            throw new IllegalArgumentException("checkpointIntervalMs must be at least 10 ms, was " + checkpointIntervalMs);
        }
        if (bufferTimeoutMs != null && bufferTimeoutMs < 0) {
            throw new IllegalArgumentException("bufferTimeoutMs must be 0 or more, was " + bufferTimeoutMs);
        }
    }

    /** These settings, with every absent value taken from {@code defaults}. */
    public JobSettings withDefaults(JobSettings defaults) {
        return new JobSettings(
                Optional.ofNullable(parallelism).orElse(defaults.parallelism),
                Optional.ofNullable(checkpointIntervalMs).orElse(defaults.checkpointIntervalMs),
                Optional.ofNullable(bufferTimeoutMs).orElse(defaults.bufferTimeoutMs));
    }

    /** Writes the present settings into a Flink configuration. */
    public void applyTo(Configuration configuration) {
        if (parallelism != null) {
            configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        }
        if (checkpointIntervalMs != null) {
            configuration.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(checkpointIntervalMs));
        }
        if (bufferTimeoutMs != null) {
            configuration.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ofMillis(bufferTimeoutMs));
        }
    }
}
