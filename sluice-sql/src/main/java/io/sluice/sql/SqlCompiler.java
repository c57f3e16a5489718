package io.sluice.sql;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;

import io.sluice.sql.catalog.ConnectionExpandingCatalog;
import io.sluice.sql.catalog.ConnectionResolver;

/**
 * Turns a Sluice SQL script (DDL, views, {@code SET}, several {@code INSERT INTO}) into one Flink
 * statement set. Each compilation has its own table environment and catalog, so scripts never see
 * each other's tables.
 */
public final class SqlCompiler {
    public static final String CATALOG = "sluice";
    public static final String DATABASE = "default_database";
    private static final Pattern SET = Pattern.compile(
            "(?is)SET\\s+'([^']+)'\\s*=\\s*'((?:[^']|'')*)'\\s*");

    private final ConnectionResolver connections;
    private final Map<String, String> platformOptions;
    private final JobSettings defaults;
    private final Duration minCheckpointInterval;
    private final ScriptSplitter splitter = new ScriptSplitter();

    /**
     * @param connections the catalog's registered connections
     * @param platformOptions Flink options for every job, e.g. {@code execution.target}, {@code rest.address}
     * @param defaults settings used where a job version leaves one out
     * @param minCheckpointInterval validate warns about a shorter checkpoint interval
     */
    public SqlCompiler(ConnectionResolver connections, Map<String, String> platformOptions, JobSettings defaults,
            Duration minCheckpointInterval) {
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
        List<Statement> statements = splitter.split(script);
        if (statements.isEmpty()) {
            throw new SqlScriptException(new SqlError(1, 1, "the script is empty; a job needs at least one INSERT INTO"));
        }
        Configuration configuration = Configuration.fromMap(platformOptions);
        io.sluice.sql.profile.JobProfile.DEFAULT.applyTo(configuration);
        settings.withDefaults(defaults).applyTo(configuration);
        configuration.set(PipelineOptions.NAME, jobName);
        submissionOptions.forEach(configuration::setString);
        List<Statement> body = new ArrayList<>();
        for (Statement statement : statements) {
            if (statement.kind() == Statement.Kind.SET) {
                applySet(statement, configuration);
            } else if (statement.kind() != Statement.Kind.STATEMENT_SET_MARKER) {
                body.add(statement);
            }
        }
        TableEnvironment tableEnvironment = TableEnvironment.create(configuration);
        ConnectionExpandingCatalog catalog = new ConnectionExpandingCatalog(CATALOG, DATABASE, connections, jobName);
        tableEnvironment.registerCatalog(CATALOG, catalog);
        tableEnvironment.useCatalog(CATALOG);
        StatementSet statementSet = tableEnvironment.createStatementSet();

        List<Statement> inserts = new ArrayList<>();
        for (Statement statement : body) {
            switch (statement.kind()) {
                case DDL -> run(statement, catalog, () -> tableEnvironment.executeSql(statement.text()));
                case INSERT -> {
                    run(statement, catalog, () -> statementSet.addInsertSql(statement.text()));
                    inserts.add(statement);
                }
                case QUERY -> throw new SqlScriptException(statement.errorAtStart(
                        "a job writes its results with INSERT INTO; a bare query has no sink"));
                default -> throw new IllegalStateException("unexpected statement kind " + statement.kind());
            }
        }
        if (inserts.isEmpty()) {
            Statement last = statements.get(statements.size() - 1);
            throw new SqlScriptException(last.errorAtStart("the script has no INSERT INTO; a job needs at least one sink"));
        }
        return new CompiledJob(statementSet, inserts, new SecretMask(catalog.secretValues()));
    }

    private static void applySet(Statement statement, Configuration configuration) {
        Matcher set = SET.matcher(statement.text());
        if (!set.matches()) {
            throw new SqlScriptException(statement.errorAtStart("SET takes the form SET 'key' = 'value'"));
        }
        configuration.setString(set.group(1), set.group(2).replace("''", "'"));
    }

    private static void run(Statement statement, ConnectionExpandingCatalog catalog, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            throw new SqlScriptException(new FlinkErrorTranslator(new SecretMask(catalog.secretValues())).translate(statement, e));
        }
    }
}
