package io.sluice.sql;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;

import io.sluice.sql.catalog.ConnectionExpandingCatalog;
import io.sluice.sql.catalog.ConnectionResolver;
import io.sluice.sql.function.CallReuse;
import io.sluice.sql.function.FunctionJars;
import io.sluice.sql.function.FunctionStatement;
import io.sluice.sql.function.UploadedJars;
import io.sluice.sql.window.LateWindowSettings;
import io.sluice.sql.window.LazyCumulateCalls;

/**
 * A script's tables and views, defined in a table environment and catalog of its own so scripts never
 * see each other's tables; its INSERTs are kept for the caller to plan (as a job) or run (as a preview).
 */
final class ScriptEnvironment {
    private static final Pattern SET = Pattern.compile("(?is)SET\\s+'([^']+)'\\s*=\\s*'((?:[^']|'')*)'\\s*");

    private final StreamExecutionEnvironment environment;
    private final StreamTableEnvironment tables;
    private final ConnectionExpandingCatalog catalog;
    private final List<Statement> inserts = new ArrayList<>();
    private final CallReuse callReuse = new CallReuse();

    private ScriptEnvironment(StreamExecutionEnvironment environment, ConnectionExpandingCatalog catalog) {
        this.environment = requireNonNull(environment, "environment is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.tables = StreamTableEnvironment.create(environment);
        tables.registerCatalog(SqlCompiler.CATALOG, catalog);
        tables.useCatalog(SqlCompiler.CATALOG);
    }

    /**
     * Applies the script's SET statements to {@code configuration}, creates the execution environment
     * from it and runs the script's DDL. Throws {@link SqlScriptException} with positions for every
     * problem, including a script without INSERT.
     */
    static ScriptEnvironment define(List<Statement> statements, Configuration configuration,
            Function<Configuration, StreamExecutionEnvironment> environmentFor, ConnectionResolver connections,
            String jobName, FunctionJars functionJars) {
        if (statements.isEmpty()) {
            throw new SqlScriptException(new SqlError(1, 1, "the script is empty; a job needs at least one INSERT INTO"));
        }
        for (Statement statement : statements) {
            if (statement.kind() == Statement.Kind.SET) {
                applySet(statement, configuration);
            }
        }
        statements = LazyCumulateCalls.rewrite(statements, configuration);
        LateWindowSettings.applyTo(configuration, statements, connections);
        UploadedJars uploadedJars = new UploadedJars(functionJars);
        uploadedJars.shipWithJob(statements, configuration);
        boolean reuseCalls = configuration.get(CallReuse.ENABLED);
        ScriptEnvironment script = new ScriptEnvironment(environmentFor.apply(configuration),
                new ConnectionExpandingCatalog(SqlCompiler.CATALOG, SqlCompiler.DATABASE, connections, jobName));
        for (Statement statement : statements) {
            switch (statement.kind()) {
                case SET, STATEMENT_SET_MARKER -> { }
                case DDL -> script.run(statement, () -> {
                    Optional<FunctionStatement> function = FunctionStatement.parse(statement.text());
                    script.tables.executeSql(uploadedJars.linked(statement));
                    if (function.isPresent() && reuseCalls) {
                        script.callReuse.apply(script.tables, function.get(), uploadedJars.files(function.get()));
                    }
                    return null;
                });
                case INSERT -> script.inserts.add(statement);
                case QUERY -> throw new SqlScriptException(statement.errorAtStart(
                        "a job writes its results with INSERT INTO; a bare query has no sink"));
                default -> throw new IllegalStateException("unexpected statement kind " + statement.kind());
            }
        }
        LateWindowSettings.recordUpsertSinks(script.tables);
        if (script.inserts.isEmpty()) {
            Statement last = statements.get(statements.size() - 1);
            throw new SqlScriptException(last.errorAtStart("the script has no INSERT INTO; a job needs at least one sink"));
        }
        return script;
    }

    StreamExecutionEnvironment environment() {
        return environment;
    }

    ConnectionExpandingCatalog catalog() {
        return catalog;
    }

    StreamTableEnvironment tables() {
        return tables;
    }

    List<Statement> inserts() {
        return List.copyOf(inserts);
    }

    /** The options of one of the script's tables, named as plans print it ({@code catalog.database.table}); empty if unknown. */
    Map<String, String> tableOptions(String qualifiedName) {
        String[] parts = qualifiedName.split("\\.");
        if (parts.length != 3 || !parts[0].equals(SqlCompiler.CATALOG)) {
            return Map.of();
        }
        try {
            return catalog.getTable(new ObjectPath(parts[1], parts[2])).getOptions();
        } catch (TableNotExistException e) {
            return Map.of();
        }
    }

    /** Explain lines for what Sluice changed while defining the script, e.g. user functions whose calls are reused. */
    List<String> notes() {
        return callReuse.applied();
    }

    /** Values to mask wherever text reaches a user (plans, errors, preview rows do not carry options). */
    SecretMask mask() {
        return new SecretMask(catalog.secretValues());
    }

    /** Runs a step for one statement; Flink's failure becomes an error at that statement's position. */
    <T> T run(Statement statement, Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            throw new SqlScriptException(new FlinkErrorTranslator(mask()).translate(statement, e));
        }
    }

    private static void applySet(Statement statement, Configuration configuration) {
        Matcher set = SET.matcher(statement.text());
        if (!set.matches()) {
            throw new SqlScriptException(statement.errorAtStart("SET takes the form SET 'key' = 'value'"));
        }
        configuration.setString(set.group(1), set.group(2).replace("''", "'"));
    }
}
