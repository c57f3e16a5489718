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

    /** Deploys a version, or the latest one when {@code version} is null. */
    public JobStatus deploy(String name, Integer version) {
        return rest.post(ApiPath.of("jobs", name, "deploy"), new DeployRequest(version), JobStatus.class,
                LIFECYCLE_TIMEOUT);
    }

    public JobStatus stop(String name) {
        return rest.post(ApiPath.of("jobs", name, "stop"), null, JobStatus.class, LIFECYCLE_TIMEOUT);
    }

    private record NewJob(String name, String sql, JobSettings settings) {}

    private record NewVersion(String sql, JobSettings settings) {}

    private record DeployRequest(Integer version) {}
}
