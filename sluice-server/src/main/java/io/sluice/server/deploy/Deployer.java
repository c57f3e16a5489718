package io.sluice.server.deploy;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
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

    /**
     * Returns the Flink job id. SQL problems surface as {@link io.sluice.sql.SqlScriptException}.
     *
     * @param restoreFrom a savepoint or retained checkpoint (URI or path) to resume from
     * @param allowNonRestoredState drop state of operators the new version no longer has
     */
    public String submit(JobVersion version, Optional<String> restoreFrom, boolean allowNonRestoredState) {
        Map<String, String> options = new HashMap<>();
        restoreFrom.ifPresent(path -> options.put(StateRecoveryOptions.SAVEPOINT_PATH.key(), path));
        if (allowNonRestoredState) {
            options.put(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE.key(), "true");
        }
        CompiledJob job = compiler.compile(version.sql(), version.settings(), jobName(version), options);
        job.explain(); // plans the job, so planner errors come back with positions before anything is submitted
        return job.submit().toHexString();
    }

    private static String jobName(JobVersion version) {
        return version.job() + " v" + version.version();
    }
}
