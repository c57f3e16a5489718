package io.sluice.server.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

import io.sluice.sql.JobSettings;

/** One immutable version of a job: every edit of the SQL or the settings makes a new one. */
public record JobVersion(String job, int version, String sql, JobSettings settings, Instant createdAt) {
    public JobVersion {
        requireNonNull(job, "job is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
