package io.sluice.cli.sql;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cli.CliException;
import io.sluice.cli.DurationConverter;
import io.sluice.cli.Table;
import io.sluice.cli.Terminal;
import io.sluice.cli.client.ApiJson;
import io.sluice.cli.client.ServerEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "preview",
        description = "Run a script's queries on a sample and print, for each INSERT, the changes it emits "
                + "(+I, -U, +U, -D) and the table they leave. The sample is the newest records of each Kafka "
                + "source (or that many generated events), or rows you give with --sample. Nothing is deployed "
                + "and no sink is written.")
public final class PreviewCommand implements Callable<Integer> {
    private final ServerEndpoint server;
    private final Terminal terminal;

    @Parameters(paramLabel = "FILE", description = "The SQL script.")
    private Path file;

    @Option(names = "--records", paramLabel = "N", defaultValue = "100",
            description = "Newest records read from each Kafka source, spread over its partitions (default: ${DEFAULT-VALUE}).")
    private int records;

    @Option(names = "--sample", paramLabel = "TABLE=FILE",
            description = "Rows for TABLE instead of its source: FILE holds one JSON object per line. Repeatable.")
    private Map<String, Path> samples = new LinkedHashMap<>();

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30s",
            description = "Stop a query whose sources do not end by then (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--json", description = "Print the server's answer as JSON.")
    private boolean json;

    public PreviewCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() throws JsonProcessingException {
        if (records < 1) {
            throw new CliException("--records must be at least 1");
        }
        Map<String, List<String>> rows = new LinkedHashMap<>();
        samples.forEach((table, path) -> rows.put(table, sampleRows(path)));
        JsonNode result = new SqlClient(server.client()).preview(SqlScript.read(file), records, rows, timeout);
        if (json) {
            terminal.out().println(ApiJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
            return 0;
        }
        boolean first = true;
        for (JsonNode sink : result.path("sinks")) {
            if (!first) {
                terminal.out().println();
            }
            first = false;
            print(sink);
        }
        return 0;
    }

    private void print(JsonNode sink) {
        List<String> columns = new ArrayList<>();
        sink.path("columns").forEach(column -> columns.add(column.asText()));
        String table = sink.path("table").asText();
        int changes = sink.path("changelog").size();
        terminal.out().println("INSERT INTO " + table + ": " + changes + (changes == 1 ? " change" : " changes"));
        List<String> withKind = new ArrayList<>(List.of("op"));
        withKind.addAll(columns);
        Table changelog = new Table(withKind.toArray(String[]::new));
        for (JsonNode change : sink.path("changelog")) {
            List<Object> cells = new ArrayList<>(List.of(change.path("kind").asText()));
            change.path("values").forEach(value -> cells.add(cell(value)));
            changelog.row(cells.toArray());
        }
        changelog.lines().forEach(line -> terminal.out().println("  " + line));
        int size = sink.path("finalRows").size();
        terminal.out().println(table + " at the end: " + size + (size == 1 ? " row" : " rows"));
        Table finalTable = new Table(columns.toArray(String[]::new));
        for (JsonNode row : sink.path("finalRows")) {
            List<Object> cells = new ArrayList<>();
            row.forEach(value -> cells.add(cell(value)));
            finalTable.row(cells.toArray());
        }
        finalTable.lines().forEach(line -> terminal.out().println("  " + line));
        if (!sink.path("complete").asBoolean(true)) {
            terminal.out().println("  (" + sink.path("note").asText() + ")");
        }
    }

    private static Object cell(JsonNode value) {
        return value.isNull() ? null : value.asText();
    }

    private static List<String> sampleRows(Path path) {
        try {
            return Files.readAllLines(path, UTF_8).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new CliException(path + ": cannot read the sample rows: " + e.getMessage(), e);
        }
    }
}
