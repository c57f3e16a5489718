package io.sluice.cli.jobs;

import java.time.Duration;

/** The settings of a job version; a null setting is left to the server's default. */
public record JobSettings(Integer parallelism, Long checkpointIntervalMs, Long bufferTimeoutMs,
        String checkpointMode, Long checkpointTimeoutMs, Long minPauseMs, String stateBackend) {

    public static JobSettings of(Integer parallelism, Duration checkpointInterval, Duration bufferTimeout) {
        return new JobSettings(parallelism, millis(checkpointInterval), millis(bufferTimeout), null, null, null, null);
    }

    /** These settings with the checkpoint and state choices of a command line. */
    public JobSettings withCheckpointing(String mode, Duration timeout, Duration minPause, String backend) {
        return new JobSettings(parallelism, checkpointIntervalMs, bufferTimeoutMs, mode, millis(timeout), millis(minPause),
                backend);
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }
}
