package io.sluice.cli.jobs;

import java.util.Set;

/** Where a job's deployment stands ({@code JobStatus} of the REST API). */
public record JobStatus(
        String name,
        Integer version,
        String state,
        String flinkJobId,
        String dashboardUrl,
        String deployedAt,
        Long restarts,
        String message) {

    private static final Set<String> FAILED_STATES = Set.of("FAILED", "FAILING");
    private static final Set<String> ACTIVE_STATES = Set.of("DEPLOYING", "CREATED", "INITIALIZING", "RUNNING", "RESTARTING");

    public boolean failed() {
        return FAILED_STATES.contains(state);
    }

    /** Deployed and holding (or about to hold) task slots. */
    public boolean active() {
        return ACTIVE_STATES.contains(state);
    }

    /** {@code RUNNING, Flink job <id>, <dashboard URL>}, leaving out what the server did not say. */
    public String summary() {
        StringBuilder text = new StringBuilder(state == null ? "UNKNOWN" : state);
        if (flinkJobId != null) {
            text.append(", Flink job ").append(flinkJobId);
        }
        if (dashboardUrl != null) {
            text.append(", ").append(dashboardUrl);
        }
        if (message != null && !message.isBlank()) {
            text.append(", ").append(message);
        }
        return text.toString();
    }
}
