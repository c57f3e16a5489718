package io.sluice.server.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A version of a job's state: where Flink wrote it, which job version it came from, and why it was taken.
 *
 * @param sizeBytes total size of its files, when the platform can see them (a local savepoint directory)
 */
public record Savepoint(long id, String job, int version, String flinkJobId, String location, Long sizeBytes,
        Trigger trigger, Instant createdAt) {
    public Savepoint {
        requireNonNull(job, "job is null");
        requireNonNull(flinkJobId, "flinkJobId is null");
        requireNonNull(location, "location is null");
        requireNonNull(trigger, "trigger is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** Why a savepoint was taken. */
    public enum Trigger {
        /** Asked for while the job kept running. */
        MANUAL,
        /** Taken as the job stopped, so that its next deployment resumes from it. */
        STOP
    }
}
