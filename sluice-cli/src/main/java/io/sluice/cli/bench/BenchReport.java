package io.sluice.cli.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sluice.cli.CliException;
import io.sluice.cli.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one benchmark run: the comparisons, a ceiling (generator into a discarding sink)
 * and the setup, as a printed table and as JSON ({@code <benchmark>-<timestamp>.json}).
 */
final class BenchReport {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final String benchmark;
    private final Instant startedAt;
    private final Map<String, Object> setup;
    private final List<Comparison> comparisons = new ArrayList<>();
    private Comparison ceiling;

    BenchReport(String benchmark, Instant startedAt, Map<String, Object> setup) {
        this.benchmark = requireNonNull(benchmark, "benchmark is null");
        this.startedAt = requireNonNull(startedAt, "startedAt is null");
        this.setup = new LinkedHashMap<>(setup);
    }

    void ceiling(Comparison ceiling) {
        this.ceiling = requireNonNull(ceiling, "ceiling is null");
    }

    void add(Comparison comparison) {
        comparisons.add(requireNonNull(comparison, "comparison is null"));
    }

    List<Comparison> comparisons() {
        return List.copyOf(comparisons);
    }

    boolean allPassed() {
        return comparisons.stream().allMatch(Comparison::passed);
    }

    List<String> lines() {
        Table table = new Table("query", "flink ev/s", "sluice ev/s", "ratio", "flink cpu-s/M", "sluice cpu-s/M",
                "cpu ratio", "flink records", "sluice records", "reduction", "checksum", "status");
        if (ceiling != null) {
            table.row(row(ceiling));
        }
        for (Comparison comparison : comparisons) {
            table.row(row(comparison));
        }
        List<String> lines = new ArrayList<>(table.lines());
        lines.add("");
        lines.add(String.format(Locale.ROOT, "geometric mean over %d passed queries: throughput sluice/flink %s, "
                + "CPU per event sluice/flink %s", comparisons.stream().filter(Comparison::passed).count(),
                ratio(Comparison.geometricMean(comparisons, Comparison::throughputRatio)),
                ratio(Comparison.geometricMean(comparisons, Comparison::cpuRatio))));
        return lines;
    }

    private static Object[] row(Comparison c) {
        boolean bothFinished = c.flink().finished() && c.sluice().finished();
        return new Object[] {
            c.name(),
            c.flink().finished() ? rate(c.flink().eventsPerSecond()) : null,
            c.sluice().finished() ? rate(c.sluice().eventsPerSecond()) : null,
            bothFinished ? ratio(c.throughputRatio()) : null,
            c.flink().finished() ? cpu(c.flink().cpuSecondsPerMillionEvents()) : null,
            c.sluice().finished() ? cpu(c.sluice().cpuSecondsPerMillionEvents()) : null,
            bothFinished ? ratio(c.cpuRatio()) : null,
            c.flink().sinkRecords(),
            c.sluice().sinkRecords(),
            bothFinished ? reduction(c.sinkRecordsRatio()) : null,
            c.flink().checksum() == null ? null : String.format("%016x", c.flink().checksum()),
            c.flink().checksum() == null && bothFinished ? "-" : c.status()
        };
    }

    /** How many times fewer records Sluice sent to the sink. */
    private static String reduction(double sinkRecordsRatio) {
        return Double.isNaN(sinkRecordsRatio) ? "-" : String.format(Locale.ROOT, "%.2fx", 1 / sinkRecordsRatio);
    }

    private static String rate(double eventsPerSecond) {
        return String.format(Locale.ROOT, "%,.0f", eventsPerSecond);
    }

    private static String cpu(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }

    private static String ratio(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    /** Writes the JSON report into {@code directory} and returns its path. */
    Path write(Path directory) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", benchmark);
        report.put("startedAt", startedAt.toString());
        report.putAll(setup);
        if (ceiling != null) {
            report.put("ceiling", json(ceiling));
        }
        List<Object> queries = new ArrayList<>();
        comparisons.forEach(comparison -> queries.add(json(comparison)));
        report.put("queries", queries);
        Map<String, Object> mean = new LinkedHashMap<>();
        mean.put("passedQueries", comparisons.stream().filter(Comparison::passed).count());
        mean.put("throughputRatio", finite(Comparison.geometricMean(comparisons, Comparison::throughputRatio)));
        mean.put("cpuRatio", finite(Comparison.geometricMean(comparisons, Comparison::cpuRatio)));
        report.put("geometricMean", mean);
        Path file = directory.resolve(benchmark + "-" + FILE_TIME.format(startedAt) + ".json");
        try {
            Files.createDirectories(directory);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
        } catch (IOException e) {
            throw new CliException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static Map<String, Object> json(Comparison comparison) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("query", comparison.name());
        json.put("status", comparison.status());
        json.put("passed", comparison.passed());
        json.put("flink", json(comparison.flink()));
        json.put("sluice", json(comparison.sluice()));
        if (comparison.flink().finished() && comparison.sluice().finished()) {
            json.put("throughputRatio", finite(comparison.throughputRatio()));
            json.put("cpuRatio", finite(comparison.cpuRatio()));
            json.put("sinkRecordsRatio", finite(comparison.sinkRecordsRatio()));
        }
        return json;
    }

    private static Map<String, Object> json(RunResult run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("events", run.events());
        if (run.finished()) {
            json.put("elapsedMillis", run.elapsedMillis());
            json.put("eventsPerSecond", Math.round(run.eventsPerSecond()));
            json.put("taskManagerCpuSeconds", run.cpuNanos() / 1e9);
            json.put("cpuSecondsPerMillionEvents", run.cpuSecondsPerMillionEvents());
            json.put("sinkRecords", run.sinkRecords());
            json.put("sinkRows", run.sinkRows());
            json.put("checksum", run.checksum() == null ? null : String.format("%016x", run.checksum()));
        } else {
            json.put("failure", run.failure());
        }
        return json;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
