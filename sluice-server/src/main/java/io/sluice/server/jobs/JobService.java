package io.sluice.server.jobs;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sluice.server.api.ApiException;
import io.sluice.server.deploy.CheckpointLocator;
import io.sluice.server.deploy.Deployer;
import io.sluice.server.deploy.FlinkClient;
import io.sluice.sql.JobSettings;
import io.sluice.sql.SqlCompiler;
import io.sluice.sql.SqlScriptException;
import io.sluice.sql.ValidationResult;

/** Jobs and their lifecycle: versions, deploy, stop, status, and bringing lost jobs back. */
public final class JobService {
    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,127}");
    private static final Set<String> TERMINAL = Set.of("FAILED", "CANCELED", "FINISHED");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final JobRepository repository;
    private final SqlCompiler compiler;
    private final Deployer deployer;
    private final FlinkClient flink;
    private final CheckpointLocator checkpoints;
    private final Clock clock;
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    public JobService(JobRepository repository, SqlCompiler compiler, Deployer deployer, FlinkClient flink,
            CheckpointLocator checkpoints, Clock clock) {
        this.repository = requireNonNull(repository, "repository is null");
        this.compiler = requireNonNull(compiler, "compiler is null");
        this.deployer = requireNonNull(deployer, "deployer is null");
        this.flink = requireNonNull(flink, "flink is null");
        this.checkpoints = requireNonNull(checkpoints, "checkpoints is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public ValidationResult validate(String sql, JobSettings settings) {
        return compiler.validate(requireSql(sql), settings);
    }

    public String explain(String sql, JobSettings settings) {
        return compiler.compile(requireSql(sql), settings, "explain").explain();
    }

    public JobVersion create(String name, String sql, JobSettings settings) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.badRequest("job name '" + name + "' is invalid: use a letter followed by letters, digits, '_' or '-'");
        }
        requireValid(sql, settings);
        return locked(name, () -> {
            if (repository.find(name).isPresent()) {
                throw ApiException.conflict("job " + name + " already exists; add a version with POST /api/jobs/" + name + "/versions");
            }
            Instant now = clock.instant();
            JobVersion first = new JobVersion(name, 1, sql, settings, now);
            repository.create(new Job(name, DesiredState.STOPPED, now), first);
            return first;
        });
    }

    public JobVersion addVersion(String name, String sql, JobSettings settings) {
        job(name);
        requireValid(sql, settings);
        return locked(name, () -> repository.addVersion(name, sql, settings, clock.instant()));
    }

    public List<JobVersion> versions(String name) {
        job(name);
        return repository.versions(name);
    }

    public JobVersion version(String name, int version) {
        return repository.version(name, version)
                .orElseThrow(() -> ApiException.notFound("job " + name + " has no version " + version));
    }

    public Job job(String name) {
        return repository.find(name).orElseThrow(() -> ApiException.notFound("job " + name + " does not exist"));
    }

    public int latestVersion(String name) {
        List<JobVersion> versions = repository.versions(name);
        return versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
    }

    public List<JobStatus> list() {
        return repository.list().stream().map(job -> status(job.name())).toList();
    }

    /** Deploys a version (the latest when {@code version} is null); a running older deployment is stopped first. */
    public JobStatus deploy(String name, Integer version) {
        return locked(name, () -> {
            job(name);
            JobVersion chosen = version(name, version == null ? latestVersion(name) : version);
            repository.latestDeployment(name).map(this::refresh).filter(Deployment::active).ifPresent(this::cancel);
            submit(chosen, Optional.empty());
            repository.setDesiredState(name, DesiredState.RUNNING);
            return status(name);
        });
    }

    public JobStatus stop(String name) {
        return locked(name, () -> {
            job(name);
            repository.setDesiredState(name, DesiredState.STOPPED);
            repository.latestDeployment(name).map(this::refresh).filter(Deployment::active).ifPresent(this::cancel);
            return status(name);
        });
    }

    public void delete(String name) {
        locked(name, () -> {
            job(name);
            Optional<Deployment> active = repository.latestDeployment(name).map(this::refresh).filter(Deployment::active);
            if (active.isPresent()) {
                throw ApiException.conflict("job " + name + " is deployed; stop it before deleting it");
            }
            repository.delete(name);
            return null;
        });
    }

    public JobStatus status(String name) {
        Job job = job(name);
        int latest = latestVersion(name);
        Optional<Deployment> deployment = repository.latestDeployment(name).map(this::refresh);
        if (deployment.isEmpty()) {
            return new JobStatus(name, null, latest, "NOT_DEPLOYED", job.desiredState().name(), null, null, null, null);
        }
        Deployment d = deployment.get();
        return new JobStatus(name, d.version(), latest, d.state(), job.desiredState().name(), d.flinkJobId(),
                d.flinkJobId() == null ? null : flink.dashboardUrl(d.flinkJobId(), d.active()), d.deployedAt(), d.message());
    }

    /**
     * Brings every job that should run back onto the cluster when the cluster lost it (e.g. after a
     * platform restart), resuming from its newest retained checkpoint.
     */
    public void reconcile() {
        for (Job job : repository.list()) {
            if (job.desiredState() != DesiredState.RUNNING) {
                continue;
            }
            try {
                locked(job.name(), () -> {
                    Optional<Deployment> latest = repository.latestDeployment(job.name()).map(this::refresh);
                    if (latest.isPresent() && "LOST".equals(latest.get().state())) {
                        Deployment lost = latest.get();
                        Optional<Path> checkpoint = checkpoints.latest(lost.flinkJobId());
                        LOG.info("Job {} v{} is no longer on the cluster; resubmitting it from {}", job.name(),
                                lost.version(), checkpoint.map(Path::toString).orElse("its start (no checkpoint was retained)"));
                        submit(version(job.name(), lost.version()), checkpoint);
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("Could not bring job {} back onto the cluster: {}", job.name(), e.getMessage(), e);
            }
        }
    }

    private void submit(JobVersion version, Optional<Path> restoreFrom) {
        Instant now = clock.instant();
        try {
            String flinkJobId = deployer.submit(version, restoreFrom);
            String state = flink.jobState(flinkJobId).orElse("CREATED");
            repository.insertDeployment(new Deployment(0, version.job(), version.version(), flinkJobId, state,
                    restoreFrom.map(path -> "restored from " + path).orElse(null), now, null));
        } catch (SqlScriptException e) {
            throw new ApiException(400, "job " + version.job() + " v" + version.version() + " does not compile", e.errors());
        } catch (RuntimeException e) {
            repository.insertDeployment(new Deployment(0, version.job(), version.version(), null, "FAILED",
                    "submission failed: " + rootMessage(e), now, now));
            throw ApiException.unavailable("could not submit job " + version.job() + " v" + version.version()
                    + " to Flink: " + rootMessage(e));
        }
    }

    /** Reads the deployment's state from Flink and records a change. */
    private Deployment refresh(Deployment deployment) {
        if (!deployment.active() || deployment.flinkJobId() == null) {
            return deployment;
        }
        Optional<String> state;
        try {
            state = flink.jobState(deployment.flinkJobId());
        } catch (RuntimeException e) {
            return deployment.withState("UNKNOWN", e.getMessage(), null);
        }
        Deployment updated;
        if (state.isEmpty()) {
            updated = deployment.withState("LOST", "the Flink cluster no longer knows this job", clock.instant());
        } else if (TERMINAL.contains(state.get())) {
            String message = "FAILED".equals(state.get())
                    ? flink.rootException(deployment.flinkJobId()).orElse(null) : deployment.message();
            updated = deployment.withState(state.get(), message, clock.instant());
        } else {
            updated = deployment.withState(state.get(), deployment.message(), null);
        }
        if (!updated.equals(deployment)) {
            repository.updateDeployment(updated);
        }
        return updated;
    }

    private void cancel(Deployment deployment) {
        flink.cancel(deployment.flinkJobId());
        Instant deadline = clock.instant().plus(STOP_TIMEOUT);
        while (clock.instant().isBefore(deadline)) {
            Optional<String> state = flink.jobState(deployment.flinkJobId());
            if (state.isEmpty() || TERMINAL.contains(state.get())) {
                repository.updateDeployment(deployment.withState("STOPPED", null, clock.instant()));
                return;
            }
            pause();
        }
        throw ApiException.unavailable("job " + deployment.job() + " (Flink job " + deployment.flinkJobId()
                + ") did not stop within " + STOP_TIMEOUT.toSeconds() + " s; see the Flink dashboard");
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a job to stop", e);
        }
    }

    private void requireValid(String sql, JobSettings settings) {
        ValidationResult result = validate(sql, settings);
        if (!result.valid()) {
            throw new ApiException(400, "the SQL script is invalid: " + result.errors().get(0), result.errors());
        }
    }

    private static String requireSql(String sql) {
        if (sql == null || sql.isBlank()) {
            throw ApiException.badRequest("the request has no 'sql'");
        }
        return sql;
    }

    private <T> T locked(String name, Supplier<T> action) {
        synchronized (locks.computeIfAbsent(name, key -> new Object())) {
            return action.get();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + root.getMessage() + ")";
    }
}
