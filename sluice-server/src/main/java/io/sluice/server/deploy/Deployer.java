package io.sluice.server.deploy;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.apache.flink.configuration.StateRecoveryOptions;

import io.sluice.server.jobs.JobVersion;
import io.sluice.sql.CompiledJob;
import io.sluice.sql.SqlCompiler;

/** Compiles a job version and submits it to the Flink cluster, optionally resuming from saved state. */
public final class Deployer {
    private final SqlCompiler compiler;

    public Deployer(SqlCompiler compiler) {
        this.compiler = requireNonNull(compiler, "compiler is null");
    }

    /** Returns the Flink job id. SQL problems surface as {@link io.sluice.sql.SqlScriptException}. */
    public String submit(JobVersion version, Optional<Path> restoreFrom) {
        Map<String, String> options = restoreFrom
                .map(path -> Map.of(StateRecoveryOptions.SAVEPOINT_PATH.key(), path.toUri().toString()))
                .orElse(Map.of());
        CompiledJob job = compiler.compile(version.sql(), version.settings(), jobName(version), options);
        job.explain(); // plans the job, so planner errors come back with positions before anything is submitted
        return job.submit().toHexString();
    }

    private static String jobName(JobVersion version) {
        return version.job() + " v" + version.version();
    }
}
