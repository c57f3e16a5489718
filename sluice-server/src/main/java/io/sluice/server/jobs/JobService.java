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
import io.sluice.server.deploy.SavepointFailedException;
import io.sluice.server.deploy.SavepointTaker;
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

    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_GRACE = Duration.ofSeconds(60);
    private static final Set<String> STARTING = Set.of("CREATED", "INITIALIZING", "RECONCILING", "DEPLOYING");
    // what Flink says when a savepoint holds state for an operator the new program does not have
    private static final String INCOMPATIBLE_STATE = "Failed to rollback to checkpoint/savepoint";

    private final JobRepository repository;
    private final SavepointRepository savepoints;
    private final SqlCompiler compiler;
    private final Deployer deployer;
    private final FlinkClient flink;
    private final SavepointTaker savepointTaker;
    private final CheckpointLocator checkpoints;
    private final Clock clock;
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    public JobService(JobRepository repository, SavepointRepository savepoints, SqlCompiler compiler, Deployer deployer,
            FlinkClient flink, SavepointTaker savepointTaker, CheckpointLocator checkpoints, Clock clock) {
        this.repository = requireNonNull(repository, "repository is null");
        this.savepoints = requireNonNull(savepoints, "savepoints is null");
        this.savepointTaker = requireNonNull(savepointTaker, "savepointTaker is null");
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

    /**
     * Deploys a version (the latest when {@code version} is null), starting from the state {@code restore}
     * chooses. A running deployment is replaced: by default it stops with a savepoint that the new
     * deployment resumes from. A savepoint the new version cannot use is refused with the reason.
     */
    public JobStatus deploy(String name, Integer version, RestoreChoice restore, boolean allowNonRestoredState) {
        return locked(name, () -> {
            job(name);
            JobVersion chosen = version(name, version == null ? latestVersion(name) : version);
            Optional<Deployment> active = repository.latestDeployment(name).map(this::refresh).filter(Deployment::active);
            Optional<Savepoint> restoreFrom = switch (restore.kind()) {
                case AUTO -> {
                    if (active.isPresent() && (STARTING.contains(active.get().state()) || "RUNNING".equals(active.get().state()))) {
                        requireRunning(active.get(), "stop with the savepoint its next version resumes from; "
                                + "deploy with --from-savepoint latest or none to replace it anyway");
                        yield Optional.of(stopWithSavepoint(active.get()));
                    }
                    active.ifPresent(this::cancel);
                    yield savepoints.latest(name);
                }
                case LATEST -> {
                    Savepoint latest = savepoints.latest(name).orElseThrow(() -> ApiException.notFound(
                            "job " + name + " has no savepoint yet; take one with `sluice savepoint " + name + "`"));
                    active.ifPresent(this::cancel);
                    yield Optional.of(latest);
                }
                case SAVEPOINT -> {
                    Savepoint chosenSavepoint = savepoint(name, restore.savepointId());
                    active.ifPresent(this::cancel);
                    yield Optional.of(chosenSavepoint);
                }
                case NONE -> {
                    active.ifPresent(this::cancel);
                    yield Optional.empty();
                }
            };
            Deployment deployment = submit(chosen, restoreFrom.map(Savepoint::location), allowNonRestoredState);
            repository.setDesiredState(name, DesiredState.RUNNING);
            if (restoreFrom.isPresent()) {
                awaitRestore(deployment, restoreFrom.get());
            }
            return status(name);
        });
    }

    /** Deploys the version that runs (or ran last) again, from the chosen state. */
    public JobStatus restart(String name, RestoreChoice restore) {
        Integer version = repository.latestDeployment(name).map(Deployment::version).orElse(null);
        return deploy(name, version, restore, false);
    }

    /** Stops the job; with {@code withSavepoint} Flink writes a savepoint first and the job resumes from it next time. */
    public JobStatus stop(String name, boolean withSavepoint) {
        return locked(name, () -> {
            job(name);
            Optional<Deployment> active = repository.latestDeployment(name).map(this::refresh).filter(Deployment::active);
            if (active.isPresent() && withSavepoint) {
                requireRunning(active.get(), "stop with a savepoint; stop it without one (--no-savepoint)");
                stopWithSavepoint(active.get());
            } else {
                active.ifPresent(this::cancel);
            }
            repository.setDesiredState(name, DesiredState.STOPPED);
            return status(name);
        });
    }

    /** Takes a savepoint while the job keeps running. */
    public Savepoint triggerSavepoint(String name) {
        return locked(name, () -> {
            job(name);
            Deployment active = repository.latestDeployment(name).map(this::refresh).filter(Deployment::active)
                    .orElseThrow(() -> ApiException.conflict("job " + name + " is not deployed; a savepoint needs a running job"));
            requireRunning(active, "take a savepoint");
            return recordSavepoint(active, takeSavepoint(active, false), Savepoint.Trigger.MANUAL);
        });
    }

    public List<Savepoint> savepoints(String name) {
        job(name);
        return savepoints.list(name);
    }

    public Savepoint savepoint(String name, long id) {
        return savepoints.find(name, id).orElseThrow(() -> ApiException.notFound(
                "job " + name + " has no savepoint " + id + "; `sluice savepoints " + name + "` lists them"));
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
            return new JobStatus(name, null, latest, "NOT_DEPLOYED", job.desiredState().name(), null, null, null, null, null);
        }
        Deployment d = deployment.get();
        Long restarts = d.active() && d.flinkJobId() != null ? restartsOf(d.flinkJobId()) : null;
        return new JobStatus(name, d.version(), latest, d.state(), job.desiredState().name(), d.flinkJobId(),
                d.flinkJobId() == null ? null : flink.dashboardUrl(d.flinkJobId(), d.active()), d.deployedAt(), restarts,
                d.message());
    }

    private Long restartsOf(String flinkJobId) {
        try {
            return flink.restarts(flinkJobId).orElse(null);
        } catch (RuntimeException e) {
            LOG.debug("No restart count for Flink job {}: {}", flinkJobId, e.getMessage());
            return null;
        }
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
                        submit(version(job.name(), lost.version()), checkpoint.map(path -> path.toUri().toString()), false);
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("Could not bring job {} back onto the cluster: {}", job.name(), e.getMessage(), e);
            }
        }
    }

    private Deployment submit(JobVersion version, Optional<String> restoreFrom, boolean allowNonRestoredState) {
        Instant now = clock.instant();
        try {
            String flinkJobId = deployer.submit(version, restoreFrom, allowNonRestoredState);
            String state = flink.jobState(flinkJobId).orElse("CREATED");
            return repository.insertDeployment(new Deployment(0, version.job(), version.version(), flinkJobId, state,
                    restoreFrom.map(path -> "restored from " + path).orElse(null), now, null));
        } catch (SqlScriptException e) {
            throw new ApiException(400, "job " + version.job() + " v" + version.version() + " does not compile", e.errors());
        } catch (RuntimeException e) {
            repository.insertDeployment(new Deployment(0, version.job(), version.version(), null, "FAILED",
                    "submission failed: " + rootMessage(e), now, now));
            String reason = rootMessage(e);
            if (restoreFrom.isPresent() && reason.contains(INCOMPATIBLE_STATE)) {
                throw ApiException.conflict(incompatible(version.job(), version.version(), restoreFrom.get(), reason));
            }
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
        awaitEnd(deployment, null);
    }

    private Savepoint stopWithSavepoint(Deployment deployment) {
        Savepoint savepoint = recordSavepoint(deployment, takeSavepoint(deployment, true), Savepoint.Trigger.STOP);
        awaitEnd(deployment, "stopped with savepoint " + savepoint.id());
        return savepoint;
    }

    private SavepointTaker.Taken takeSavepoint(Deployment deployment, boolean stop) {
        try {
            return savepointTaker.take(deployment.flinkJobId(), stop);
        } catch (SavepointFailedException e) {
            throw ApiException.conflict("job " + deployment.job() + ": " + e.getMessage()
                    + (stop ? " (the job keeps running; stop it without a savepoint with --no-savepoint)" : ""));
        }
    }

    private Savepoint recordSavepoint(Deployment deployment, SavepointTaker.Taken taken, Savepoint.Trigger trigger) {
        Savepoint savepoint = savepoints.insert(new Savepoint(0, deployment.job(), deployment.version(),
                deployment.flinkJobId(), taken.location(), taken.sizeBytes(), trigger, clock.instant()));
        LOG.info("Savepoint {} of job {} v{} ({}) at {}", savepoint.id(), deployment.job(), deployment.version(),
                trigger, taken.location());
        return savepoint;
    }

    private void awaitEnd(Deployment deployment, String message) {
        Instant deadline = clock.instant().plus(STOP_TIMEOUT);
        while (clock.instant().isBefore(deadline)) {
            Optional<String> state = flink.jobState(deployment.flinkJobId());
            if (state.isEmpty() || TERMINAL.contains(state.get())) {
                repository.updateDeployment(deployment.withState("STOPPED", message, clock.instant()));
                return;
            }
            pause();
        }
        throw ApiException.unavailable("job " + deployment.job() + " (Flink job " + deployment.flinkJobId()
                + ") did not stop within " + STOP_TIMEOUT.toSeconds() + " s; see the Flink dashboard");
    }

    /**
     * Flink checks that a savepoint fits the new program while the job initializes; a misfit ends the
     * job as FAILED. Wait for that verdict so the caller hears it, not a dashboard later.
     */
    private void awaitRestore(Deployment deployment, Savepoint savepoint) {
        Instant deadline = clock.instant().plus(RESTORE_TIMEOUT);
        while (clock.instant().isBefore(deadline)) {
            Optional<String> state = flink.jobState(deployment.flinkJobId());
            if (state.isPresent() && state.get().equals("RUNNING")) {
                return;
            }
            if (state.isPresent() && TERMINAL.contains(state.get())) {
                refresh(deployment);
                String reason = flink.rootException(deployment.flinkJobId()).orElse(state.get());
                repository.setDesiredState(deployment.job(), DesiredState.STOPPED);
                if (reason.contains(INCOMPATIBLE_STATE)) {
                    throw ApiException.conflict(incompatible(deployment.job(), deployment.version(),
                            "savepoint " + savepoint.id() + " (taken from v" + savepoint.version() + ")", reason));
                }
                throw ApiException.conflict("job " + deployment.job() + " v" + deployment.version()
                        + " failed while resuming from savepoint " + savepoint.id() + ": " + firstLine(reason));
            }
            pause();
        }
    }

    /** A job that was just deployed gets a little time to start all its tasks before it counts as not running. */
    private void requireRunning(Deployment deployment, String action) {
        Instant deadline = clock.instant().plus(START_GRACE);
        String state = refresh(deployment).state();
        while ((STARTING.contains(state) || "RUNNING".equals(state)) && clock.instant().isBefore(deadline)) {
            if (flink.allTasksRunning(deployment.flinkJobId())) {
                return;
            }
            pause();
            state = refresh(deployment).state();
        }
        throw ApiException.conflict("job " + deployment.job() + " is " + state
                + " and not all its tasks run; only a RUNNING job can " + action);
    }

    private static String incompatible(String job, int version, String state, String reason) {
        String flinkSays = firstLine(reason.substring(reason.indexOf(INCOMPATIBLE_STATE)));
        return "job " + job + " v" + version + " is not state-compatible with " + state + ": " + flinkSays
                + " Deploy with --allow-non-restored-state to drop the state of operators it no longer has,"
                + " or with --from-savepoint none to start from empty state.";
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
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
