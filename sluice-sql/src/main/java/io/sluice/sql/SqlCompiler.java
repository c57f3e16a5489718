package io.sluice.sql;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;

import io.sluice.sql.catalog.ConnectionResolver;
import io.sluice.sql.function.FunctionJars;
import io.sluice.sql.profile.JobProfile;
import io.sluice.sql.rewrite.PlanRewrites;

/**
 * Turns a Sluice SQL script (DDL, views, {@code SET}, several {@code INSERT INTO}) into one Flink
 * statement set. Each compilation has its own table environment and catalog, so scripts never see
 * each other's tables.
 */
public final class SqlCompiler {
    public static final String CATALOG = "sluice";
    public static final String DATABASE = "default_database";

    private final ConnectionResolver connections;
    private final Map<String, String> platformOptions;
    private final JobSettings defaults;
    private final Duration minCheckpointInterval;
    private final FunctionJars functionJars;
    private final ScriptSplitter splitter = new ScriptSplitter();

    /**
     * @param connections the catalog's registered connections
     * @param platformOptions Flink options for every job, e.g. {@code execution.target}, {@code rest.address}
     * @param defaults settings used where a job version leaves one out
     * @param minCheckpointInterval validate warns about a shorter checkpoint interval
     */
    public SqlCompiler(ConnectionResolver connections, Map<String, String> platformOptions, JobSettings defaults,
            Duration minCheckpointInterval) {
        this(connections, platformOptions, defaults, minCheckpointInterval, FunctionJars.NONE);
    }

    /**
     * @param functionJars the uploaded jars that {@code CREATE FUNCTION ... USING JAR '<name>'} refers to
     */
    public SqlCompiler(ConnectionResolver connections, Map<String, String> platformOptions, JobSettings defaults,
            Duration minCheckpointInterval, FunctionJars functionJars) {
        this.functionJars = requireNonNull(functionJars, "functionJars is null");
        this.connections = requireNonNull(connections, "connections is null");
        this.platformOptions = Map.copyOf(platformOptions);
        this.defaults = requireNonNull(defaults, "defaults is null");
        this.minCheckpointInterval = requireNonNull(minCheckpointInterval, "minCheckpointInterval is null");
    }

    public ValidationResult validate(String script, JobSettings settings) {
        List<String> warnings = warnings(settings.withDefaults(defaults));
        try {
            compile(script, settings, "validate").explain();
            return new ValidationResult(List.of(), warnings);
        } catch (SqlScriptException e) {
            return new ValidationResult(e.errors(), warnings);
        }
    }

    private List<String> warnings(JobSettings effective) {
        List<String> warnings = new ArrayList<>();
        if (effective.checkpointIntervalMs() < minCheckpointInterval.toMillis()) {
            warnings.add("checkpoint interval " + effective.checkpointIntervalMs() + " ms is under the platform's minimum of "
                    + minCheckpointInterval.toMillis() + " ms: checkpoints would follow each other without pause and "
                    + "slow the job down; choose at least " + minCheckpointInterval.toMillis() + " ms");
        }
        return warnings;
    }

    /**
     * Compiles the script, or throws {@link SqlScriptException} with every error's line and column.
     * Planning errors (e.g. an update stream into an append-only sink) show up in {@link CompiledJob#explain()}
     * and {@link #validate}, which plan the job.
     */
    public CompiledJob compile(String script, JobSettings settings, String jobName) {
        return compile(script, settings, jobName, Map.of());
    }

    /** Like {@link #compile(String, JobSettings, String)}, with Flink options for this submission only (e.g. a restore path). */
    public CompiledJob compile(String script, JobSettings settings, String jobName, Map<String, String> submissionOptions) {
        requireNonNull(script, "script is null");
        Configuration configuration = Configuration.fromMap(platformOptions);
        JobProfile.DEFAULT.applyTo(configuration);
        settings.withDefaults(defaults).applyTo(configuration);
        configuration.set(PipelineOptions.NAME, jobName);
        submissionOptions.forEach(configuration::setString);
        // a stream environment of our own (not the context one, which would run locally) lets the
        // job's transformations be reached before submission, to give them stable identities
        ScriptEnvironment environment = ScriptEnvironment.define(splitter.split(script), configuration,
                StreamExecutionEnvironment::new, connections, jobName, functionJars);
        StreamStatementSet statementSet = environment.tables().createStatementSet();
        for (Statement insert : environment.inserts()) {
            environment.run(insert, () -> statementSet.addInsertSql(insert.text()));
        }
        return new CompiledJob(environment.environment(), statementSet, environment.inserts(), environment.mask(),
                environment.tables().getConfig(), PlanRewrites.standard(), environment::tableOptions, environment.notes());
    }
}
