package io.sluice.cli.bench;

import static java.util.Objects.requireNonNull;

import io.sluice.sql.JobSettings;
import io.sluice.sql.ScriptSplitter;
import io.sluice.sql.SqlCompiler;
import io.sluice.sql.Statement;
import io.sluice.sql.catalog.ConnectionResolver;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;

/**
 * Submits a benchmark script to a Flink session cluster as one of the {@link Variant}s. Only the
 * way the script is compiled differs: both get the same parallelism and nothing else.
 */
final class JobSubmitter {
    private final URI flinkRestUrl;
    private final int parallelism;
    private final Map<String, String> sluiceOptions;

    /** @param sluiceOptions options the sluice variant sets as a script's SET statements would */
    JobSubmitter(URI flinkRestUrl, int parallelism, Map<String, String> sluiceOptions) {
        this.flinkRestUrl = requireNonNull(flinkRestUrl, "flinkRestUrl is null");
        this.parallelism = parallelism;
        this.sluiceOptions = Map.copyOf(sluiceOptions);
    }

    /** Submits the script and returns the Flink job id. */
    String submit(Variant variant, String script, String jobName) {
        return switch (variant) {
            case FLINK -> submitPlain(script, jobName);
            case SLUICE -> submitAsSluice(script, jobName);
        };
    }

    private Map<String, String> clusterOptions() {
        return Map.of(
                DeploymentOptions.TARGET.key(), "remote",
                RestOptions.ADDRESS.key(), flinkRestUrl.getHost(),
                RestOptions.PORT.key(), Integer.toString(flinkRestUrl.getPort()));
    }

    private String submitPlain(String script, String jobName) {
        Configuration configuration = Configuration.fromMap(clusterOptions());
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        configuration.set(PipelineOptions.NAME, jobName);
        List<Statement> statements = new ScriptSplitter().split(script);
        for (Statement statement : statements) {
            if (statement.kind() == Statement.Kind.SET) {
                throw new IllegalArgumentException("benchmark scripts set no options; found " + statement.text());
            }
        }
        TableEnvironment tables = TableEnvironment.create(
                EnvironmentSettings.newInstance().inStreamingMode().withConfiguration(configuration).build());
        StatementSet inserts = tables.createStatementSet();
        for (Statement statement : statements) {
            switch (statement.kind()) {
                case DDL -> tables.executeSql(statement.text());
                case INSERT -> inserts.addInsertSql(statement.text());
                default -> throw new IllegalArgumentException("unexpected statement in a benchmark script: "
                        + statement.text());
            }
        }
        return inserts.execute().getJobClient()
                .orElseThrow(() -> new IllegalStateException("Flink returned no job client for " + jobName))
                .getJobID().toString();
    }

    private String submitAsSluice(String script, String jobName) {
        JobSettings settings = new JobSettings(parallelism, null, null, null, null, null, null);
        SqlCompiler compiler = new SqlCompiler(ConnectionResolver.NONE, clusterOptions(), settings, Duration.ZERO);
        StringBuilder sets = new StringBuilder();
        sluiceOptions.forEach((key, value) -> sets.append("SET '").append(key.replace("'", "''")).append("' = '")
                .append(value.replace("'", "''")).append("';\n"));
        return compiler.compile(sets + script, JobSettings.NONE, jobName).submit().toString();
    }
}
