package io.sluice.sql;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.internal.TableEnvironmentImpl;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.SinkModifyOperation;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import io.sluice.sql.catalog.ConnectionResolver;
import io.sluice.sql.function.FunctionJars;
import io.sluice.sql.preview.ChangelogRow;
import io.sluice.sql.preview.KafkaTail;
import io.sluice.sql.preview.PreviewException;
import io.sluice.sql.preview.PreviewRequest;
import io.sluice.sql.preview.PreviewResult;
import io.sluice.sql.preview.SampleSources;
import io.sluice.sql.preview.SinkPreview;

/**
 * Runs the queries of a script's INSERTs on a small bounded sample, in a Flink mini cluster inside
 * this process: nothing is deployed and no sink is written. Each INSERT's query yields its changelog
 * and the table that changelog leaves behind.
 */
public final class SqlPreviewer {
    /** SET keys that would send a preview somewhere else than the in-process mini cluster. */
    private static final Set<String> PLACEMENT_KEYS = Set.of(DeploymentOptions.TARGET.key(), "rest.address", "rest.port");

    private static final Pattern SCANNED_TABLE = Pattern.compile(
            "TableSourceScan\\(table=\\[\\[" + SqlCompiler.CATALOG + ", " + SqlCompiler.DATABASE + ", ([^,\\]]+)");

    private final ConnectionResolver connections;
    private final FunctionJars functionJars;
    private final ScriptSplitter splitter = new ScriptSplitter();

    public SqlPreviewer(ConnectionResolver connections) {
        this(connections, FunctionJars.NONE);
    }

    /** @param functionJars the uploaded jars that {@code CREATE FUNCTION ... USING JAR '<name>'} refers to */
    public SqlPreviewer(ConnectionResolver connections, FunctionJars functionJars) {
        this.connections = requireNonNull(connections, "connections is null");
        this.functionJars = requireNonNull(functionJars, "functionJars is null");
    }

    /** @throws SqlScriptException for errors in the script, with positions; PreviewException when a query fails */
    public PreviewResult preview(PreviewRequest request) {
        List<Statement> statements = splitter.split(request.script()).stream()
                .filter(statement -> statement.kind() != Statement.Kind.SET || !placement(statement))
                .toList();
        Configuration configuration = new Configuration();
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, 1); // one subtask keeps the changelog in a readable order
        configuration.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        // a watermark after every row, so late rows are late by event time alone, the same in every run
        configuration.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ZERO);
        configuration.set(PipelineOptions.NAME, "preview");
        ScriptEnvironment script = ScriptEnvironment.define(statements, configuration,
                StreamExecutionEnvironment::createLocalEnvironment, connections, "preview", functionJars);
        sample(script, new SampleSources(request.recordsPerSource(), request.sampleRows(), new KafkaTail()));
        List<SinkPreview> sinks = new ArrayList<>();
        for (Statement insert : script.inserts()) {
            sinks.add(run(script, insert, request));
        }
        return new PreviewResult(sinks);
    }

    private static boolean placement(Statement set) {
        String text = set.text().toLowerCase(Locale.ROOT);
        return PLACEMENT_KEYS.stream().anyMatch(key -> text.contains("'" + key + "'"));
    }

    /**
     * Gives the tables the queries scan (as the plans show them; not lookup tables, not sinks) their
     * sample options. A query captures its tables' options when parsed, so it is parsed again afterwards.
     */
    private static void sample(ScriptEnvironment script, SampleSources samples) {
        Set<String> scanned = new TreeSet<>();
        for (Statement insert : script.inserts()) {
            String plan = script.run(insert, () -> query(script, insert).explain());
            Matcher scan = SCANNED_TABLE.matcher(plan);
            while (scan.find()) {
                scanned.add(scan.group(1));
            }
        }
        for (String name : scanned) {
            ObjectPath path = new ObjectPath(SqlCompiler.DATABASE, name);
            try {
                if (script.catalog().getTable(path) instanceof CatalogTable table) {
                    script.catalog().alterTable(path, table.copy(samples.rewrite(name, table.getOptions())), false);
                }
            } catch (TableNotExistException e) {
                // a temporary table lives outside the catalog; it is read as it is
            }
        }
    }

    private static Table query(ScriptEnvironment script, Statement insert) {
        return ((TableEnvironmentImpl) script.tables()).createTable(insertOperation(script, insert).getChild());
    }

    private SinkPreview run(ScriptEnvironment script, Statement insert, PreviewRequest request) {
        SinkModifyOperation sink = script.run(insert, () -> insertOperation(script, insert));
        Table query = script.run(insert, () -> ((TableEnvironmentImpl) script.tables()).createTable(sink.getChild()));
        String table = sink.getContextResolvedTable().getIdentifier().getObjectName();
        List<String> columns = query.getResolvedSchema().getColumnNames();
        TableResult result = script.run(insert, query::execute);
        List<ChangelogRow> changelog = new ArrayList<>();
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "preview-timeout");
            thread.setDaemon(true);
            return thread;
        });
        try (CloseableIterator<Row> rows = result.collect()) {
            timer.schedule(() -> {
                timedOut.set(true);
                result.getJobClient().ifPresent(client -> client.cancel());
            }, request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            while (changelog.size() < request.maxChanges() && rows.hasNext()) {
                Row row = rows.next();
                changelog.add(new ChangelogRow(row.getKind().shortString(), values(row)));
            }
        } catch (Exception e) {
            if (!timedOut.get()) {
                throw new PreviewException("the query of the INSERT at line " + insert.line() + " failed on the sample: "
                        + script.mask().apply(rootMessage(e)), e);
            }
        } finally {
            timer.shutdownNow();
        }
        String note = timedOut.get()
                ? "stopped after " + request.timeout().toSeconds() + " s: a source of this query does not end on its own"
                : changelog.size() >= request.maxChanges() ? "stopped after " + request.maxChanges() + " changes" : null;
        return new SinkPreview(table, columns, changelog, finalTable(changelog), note == null, note);
    }

    private static SinkModifyOperation insertOperation(ScriptEnvironment script, Statement insert) {
        List<Operation> operations = ((TableEnvironmentImpl) script.tables()).getParser().parse(insert.text());
        if (operations.size() != 1 || !(operations.get(0) instanceof SinkModifyOperation sink)) {
            throw new IllegalArgumentException("a preview runs the query of INSERT INTO … SELECT statements only");
        }
        return sink;
    }

    /** Values as JSON can carry them: numbers and booleans as they are, everything else as text. */
    private static List<Object> values(Row row) {
        List<Object> values = new ArrayList<>(row.getArity());
        for (int i = 0; i < row.getArity(); i++) {
            Object value = row.getField(i);
            values.add(value == null || value instanceof Boolean || value instanceof Long || value instanceof Integer
                    || value instanceof Short || value instanceof Byte || value instanceof Double || value instanceof Float
                    || value instanceof BigDecimal ? value : String.valueOf(value));
        }
        return values;
    }

    /** The rows the changelog leaves: additions count up, retractions count down the same row. */
    static List<List<Object>> finalTable(List<ChangelogRow> changelog) {
        Map<List<Object>, Integer> counts = new LinkedHashMap<>();
        for (ChangelogRow change : changelog) {
            counts.merge(change.values(), change.adds() ? 1 : -1, Integer::sum);
            counts.remove(change.values(), 0);
        }
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((row, count) -> {
            for (int i = 0; i < count; i++) {
                rows.add(row);
            }
        });
        return rows;
    }

    /** A sample row that does not decode says which row it was; otherwise the innermost cause tells most. */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("sample row ")) {
                return t.getMessage();
            }
            root = t;
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
