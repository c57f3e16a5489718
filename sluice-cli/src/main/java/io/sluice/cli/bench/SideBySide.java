package io.sluice.cli.bench;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.client.ServerEndpoint;
import io.sluice.sql.profile.JobProfile;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs scripts as plain Flink and then as Sluice on one cluster, printing progress, and collects the
 * comparisons into a report that records the setup.
 */
final class SideBySide {
    private final FlinkRest flink;
    private final BenchRunner runner;
    private final PrintWriter out;
    private final long events;
    private final int runs;
    private final String benchmark;
    private final BenchReport report;

    private SideBySide(String benchmark, FlinkRest flink, BenchRunner runner, PrintWriter out, long events, int runs,
            BenchReport report) {
        this.benchmark = requireNonNull(benchmark, "benchmark is null");
        this.flink = requireNonNull(flink, "flink is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.out = requireNonNull(out, "out is null");
        this.events = events;
        this.runs = runs;
        this.report = requireNonNull(report, "report is null");
    }

    /** Finds the cluster, prints the setup and warns about other jobs sharing the cluster. */
    static SideBySide start(String benchmark, BenchOptions options, ServerEndpoint server, long events,
            PrintWriter out, PrintWriter err) {
        options.validate();
        FlinkRest flink = BenchCluster.resolve(options.flinkUrl, server);
        TaskManagerCpu cpu = TaskManagerCpu.of(flink);
        BenchRunner runner = new BenchRunner(flink,
                new JobSubmitter(flink.restUrl(), options.parallelism, options.sluiceOptions), cpu, options.timeout);
        List<String> others = flink.runningJobs();
        if (!others.isEmpty()) {
            err.println("warning: jobs " + others + " run on the cluster and share its CPU; the figures will be "
                    + "lower and noisier");
        }
        String flinkVersion = flink.flinkVersion();
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("flinkRestUrl", flink.restUrl().toString());
        setup.put("flinkVersion", flinkVersion);
        setup.put("events", events);
        setup.put("parallelism", options.parallelism);
        setup.put("runsPerVariant", options.runs);
        setup.put("cpuSource", cpu.source());
        setup.put("otherJobsRunning", others);
        setup.put("flinkVariant", "Flink's default configuration; only parallelism.default is set");
        setup.put("sluiceVariant", "Sluice's SqlCompiler (as `sluice deploy` compiles) with its default job profile; "
                + "only the parallelism is set, no checkpointing in either variant");
        setup.put("sluiceProfile", JobProfile.DEFAULT.options());
        setup.put("sluiceOverrides", options.sluiceOptions);
        out.printf("%s: %,d events, parallelism %d, on Flink %s at %s%n", benchmark, events, options.parallelism,
                flinkVersion, flink.restUrl());
        out.println("CPU: " + cpu.source());
        if (!options.sluiceOptions.isEmpty()) {
            out.println("sluice variant overrides: " + options.sluiceOptions);
        }
        out.flush();
        return new SideBySide(benchmark, flink, runner, out, events, options.runs,
                new BenchReport(benchmark, Instant.now(), setup));
    }

    BenchReport report() {
        return report;
    }

    Comparison compare(String name, String script) {
        List<RunResult> flinkRuns = new ArrayList<>();
        List<RunResult> sluiceRuns = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            flinkRuns.add(run(Variant.FLINK, name, script));
            sluiceRuns.add(run(Variant.SLUICE, name, script));
        }
        return new Comparison(name, median(flinkRuns), median(sluiceRuns));
    }

    /** The run with the median time; a failure, or results that differ between runs, fail the variant. */
    private static RunResult median(List<RunResult> results) {
        RunResult first = results.get(0);
        for (RunResult result : results) {
            if (!result.finished()) {
                return result;
            }
            if (!Objects.equals(result.checksum(), first.checksum()) || !Objects.equals(result.sinkRows(), first.sinkRows())) {
                return RunResult.failed(first.variant(), first.events(), "the final table differs between runs");
            }
        }
        List<RunResult> byTime = new ArrayList<>(results);
        byTime.sort(Comparator.comparingLong(RunResult::elapsedMillis));
        return byTime.get(byTime.size() / 2);
    }

    private RunResult run(Variant variant, String name, String script) {
        out.printf("%-10s %-6s ... ", name, variant.label());
        out.flush();
        RunResult result = runner.run(variant, script, benchmark + "-" + name + "-" + variant.label(), events);
        if (result.finished()) {
            out.printf("%,.0f events/s, %s sink records%n", result.eventsPerSecond(),
                    result.sinkRecords() == null ? "-" : String.format("%,d", result.sinkRecords()));
        } else {
            out.println("FAILED: " + result.failure());
        }
        out.flush();
        return result;
    }

    /** Prints the table, writes the JSON report and returns the exit code: 1 if any comparison failed. */
    int finish(BenchOptions options) {
        out.println();
        report.lines().forEach(out::println);
        out.println("Report: " + report.write(options.out));
        out.flush();
        return report.allPassed() ? 0 : 1;
    }
}
