package io.sluice.cli.jobs;

import java.time.Duration;

/** The settings of a job version; a null setting is left to the server's default. */
public record JobSettings(Integer parallelism, Long checkpointIntervalMs, Long bufferTimeoutMs) {

    public static JobSettings of(Integer parallelism, Duration checkpointInterval, Duration bufferTimeout) {
        return new JobSettings(parallelism, millis(checkpointInterval), millis(bufferTimeout));
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }
}
