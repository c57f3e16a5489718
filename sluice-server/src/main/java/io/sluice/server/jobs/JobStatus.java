package io.sluice.server.jobs;

import java.time.Instant;

/** What the API shows of a job's current deployment. */
public record JobStatus(String name, Integer version, int latestVersion, String state, String desiredState,
        String flinkJobId, String dashboardUrl, Instant deployedAt, Long restarts, String message) {
}
