package io.sluice.sql;

import java.time.Duration;
import java.util.Optional;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.StateBackendOptions;

/**
 * The settings a user chooses per job version. Absent (null) values fall back to the platform's defaults.
 *
 * @param parallelism default parallelism of the job's operators
 * @param checkpointIntervalMs checkpoint interval; every job checkpoints so that a restart replays exactly
 * @param bufferTimeoutMs network buffer timeout: 0 = flush every record (lowest latency), larger = more throughput
 * @param checkpointMode exactly-once (aligned barriers) or at-least-once
 * @param checkpointTimeoutMs a checkpoint that takes longer is aborted
 * @param minPauseMs least time between the end of one checkpoint and the start of the next
 * @param stateBackend RocksDB (incremental checkpoints) or heap
 */
public record JobSettings(Integer parallelism, Long checkpointIntervalMs, Long bufferTimeoutMs,
        CheckpointMode checkpointMode, Long checkpointTimeoutMs, Long minPauseMs, StateBackendKind stateBackend) {
    public static final JobSettings DEFAULTS = new JobSettings(1, 10_000L, 100L, CheckpointMode.EXACTLY_ONCE,
            600_000L, 0L, StateBackendKind.ROCKSDB);
    public static final JobSettings NONE = new JobSettings(null, null, null, null, null, null, null);

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
        if (checkpointTimeoutMs != null && checkpointTimeoutMs < 1) {
            throw new IllegalArgumentException("checkpointTimeoutMs must be at least 1 ms, was " + checkpointTimeoutMs);
        }
        if (minPauseMs != null && minPauseMs < 0) {
            throw new IllegalArgumentException("minPauseMs must be 0 or more, was " + minPauseMs);
        }
    }

    /** Settings with only the three most common values; the rest come from the defaults. */
    public static JobSettings of(Integer parallelism, Long checkpointIntervalMs, Long bufferTimeoutMs) {
        return new JobSettings(parallelism, checkpointIntervalMs, bufferTimeoutMs, null, null, null, null);
    }

    /** These settings, with every absent value taken from {@code defaults}. */
    public JobSettings withDefaults(JobSettings defaults) {
        return new JobSettings(
                Optional.ofNullable(parallelism).orElse(defaults.parallelism),
                Optional.ofNullable(checkpointIntervalMs).orElse(defaults.checkpointIntervalMs),
                Optional.ofNullable(bufferTimeoutMs).orElse(defaults.bufferTimeoutMs),
                Optional.ofNullable(checkpointMode).orElse(defaults.checkpointMode),
                Optional.ofNullable(checkpointTimeoutMs).orElse(defaults.checkpointTimeoutMs),
                Optional.ofNullable(minPauseMs).orElse(defaults.minPauseMs),
                Optional.ofNullable(stateBackend).orElse(defaults.stateBackend));
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
        if (checkpointMode != null) {
            configuration.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, checkpointMode.flinkMode());
        }
        if (checkpointTimeoutMs != null) {
            configuration.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, Duration.ofMillis(checkpointTimeoutMs));
        }
        if (minPauseMs != null) {
            configuration.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, Duration.ofMillis(minPauseMs));
        }
        if (stateBackend != null) {
            configuration.set(StateBackendOptions.STATE_BACKEND, stateBackend.flinkName());
            // RocksDB uploads only the files that changed since the last checkpoint
            configuration.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, stateBackend == StateBackendKind.ROCKSDB);
        }
    }
}
