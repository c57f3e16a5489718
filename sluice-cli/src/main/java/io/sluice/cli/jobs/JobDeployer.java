package io.sluice.cli.jobs;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.sql.SqlScript;

/** Publishes a script as a job: creates the job, or adds a version when it exists, then deploys that version. */
public final class JobDeployer {
    private final JobsClient jobs;

    public JobDeployer(JobsClient jobs) {
        this.jobs = requireNonNull(jobs, "jobs is null");
    }

    public Deployment deploy(String name, SqlScript script, JobSettings settings, JobsClient.Restore restore) {
        Integer version = jobs.create(name, script, settings)
                .map(Job::latestVersion)
                .orElseGet(() -> jobs.addVersion(name, script, settings).version());
        // naming the version keeps a concurrent publish from slipping in between
        JobStatus status = jobs.deploy(name, version, restore);
        return new Deployment(name, status.version() != null ? status.version() : version, status);
    }
}
