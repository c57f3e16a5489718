package io.sluice.cli.jobs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import io.sluice.cli.client.ApiPath;
import io.sluice.cli.client.RestClient;
import io.sluice.cli.sql.SqlScript;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code /api/jobs}: jobs, their versions and deployments. */
public final class JobsClient {
    // deploying compiles and submits to Flink, stopping waits for the job to end: both can take a while
    private static final Duration LIFECYCLE_TIMEOUT = Duration.ofMinutes(5);

    private final RestClient rest;

    public JobsClient(RestClient rest) {
        this.rest = requireNonNull(rest, "rest is null");
    }

    public List<JobStatus> list() {
        return rest.get(ApiPath.of("jobs"), new TypeReference<List<JobStatus>>() {});
    }

    public JobStatus status(String name) {
        return rest.get(ApiPath.of("jobs", name, "status"), JobStatus.class);
    }

    /** Creates the job with its first version; empty if a job of that name exists. */
    public Optional<Job> create(String name, SqlScript script, JobSettings settings) {
        return script.send(() -> rest.postUnlessConflict(ApiPath.of("jobs"),
                new NewJob(name, script.text(), settings), Job.class, LIFECYCLE_TIMEOUT));
    }

    public JobVersion addVersion(String name, SqlScript script, JobSettings settings) {
        return script.send(() -> rest.post(ApiPath.of("jobs", name, "versions"),
                new NewVersion(script.text(), settings), JobVersion.class, LIFECYCLE_TIMEOUT));
    }

    /** Deploys a version, or the latest one when {@code version} is null, from the state {@code restore} names. */
    public JobStatus deploy(String name, Integer version, Restore restore) {
        return rest.post(ApiPath.of("jobs", name, "deploy"),
                new DeployRequest(version, restore.fromSavepoint(), restore.allowNonRestoredState()), JobStatus.class,
                LIFECYCLE_TIMEOUT);
    }

    public JobStatus restart(String name, Restore restore) {
        return rest.post(ApiPath.of("jobs", name, "restart"), new DeployRequest(null, restore.fromSavepoint(), false),
                JobStatus.class, LIFECYCLE_TIMEOUT);
    }

    /** Stops the job, by default with a savepoint its next deployment resumes from. */
    public JobStatus stop(String name, boolean savepoint) {
        return rest.post(ApiPath.of("jobs", name, "stop"), new StopRequest(savepoint), JobStatus.class, LIFECYCLE_TIMEOUT);
    }

    public Savepoint triggerSavepoint(String name) {
        return rest.post(ApiPath.of("jobs", name, "savepoints"), null, Savepoint.class, LIFECYCLE_TIMEOUT);
    }

    /** Newest first. */
    public List<Savepoint> savepoints(String name) {
        return rest.get(ApiPath.of("jobs", name, "savepoints"), new TypeReference<List<Savepoint>>() {});
    }

    /**
     * Which state a deployment starts from: a savepoint id, {@code latest}, {@code none}, or null for the
     * server's default (resume where the job stopped).
     */
    public record Restore(String fromSavepoint, boolean allowNonRestoredState) {
        public static final Restore DEFAULT = new Restore(null, false);
        public static final Restore EMPTY_STATE = new Restore("none", false);
    }

    private record NewJob(String name, String sql, JobSettings settings) {}

    private record NewVersion(String sql, JobSettings settings) {}

    private record DeployRequest(Integer version, String fromSavepoint, boolean allowNonRestoredState) {}

    private record StopRequest(boolean savepoint) {}
}
