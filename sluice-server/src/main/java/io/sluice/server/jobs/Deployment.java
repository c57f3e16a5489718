package io.sluice.server.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One submission of a job version to Flink. {@code state} is the last state seen (Flink's job states,
 * or DEPLOYING / STOPPED / LOST); {@code endedAt} is set once it no longer runs.
 */
public record Deployment(long id, String job, int version, String flinkJobId, String state, String message,
        Instant deployedAt, Instant endedAt) {
    public Deployment {
        requireNonNull(job, "job is null");
        requireNonNull(state, "state is null");
        requireNonNull(deployedAt, "deployedAt is null");
    }

    public boolean active() {
        return endedAt == null;
    }

    public Deployment withState(String newState, String newMessage, Instant ended) {
        return new Deployment(id, job, version, flinkJobId, newState, newMessage, deployedAt, ended);
    }
}
