package io.sluice.cli.jobs;

/** The outcome of deploying a version of a job. */
public record Deployment(String job, Integer version, JobStatus status) {

    /** {@code Deployed clicks-etl version 2: RUNNING, Flink job <id>, <dashboard URL>}. */
    public String summary() {
        return "Deployed " + job + versionText() + ": " + status.summary();
    }

    /** The message of a deployment that failed to start. */
    public String failure() {
        return job + versionText() + " failed to start: " + status.summary();
    }

    private String versionText() {
        return version == null ? "" : " version " + version;
    }
}
