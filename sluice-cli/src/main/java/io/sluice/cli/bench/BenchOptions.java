package io.sluice.cli.bench;

import io.sluice.cli.CliException;
import io.sluice.cli.DurationConverter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options every benchmark takes (a picocli mixin). */
final class BenchOptions {
    @Option(names = "--parallelism", paramLabel = "P", defaultValue = "2",
            description = "Parallelism of every job (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results",
            description = "Directory of the JSON report (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--flink", paramLabel = "URL",
            description = "REST address of the Flink cluster to run on, instead of the Sluice server's.")
    String flinkUrl;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "Longest a single job may run (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1",
            description = "Runs of each variant, alternating flink and sluice; the report shows the run with the "
                    + "median time, which steadies figures on a busy machine (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--sluice-set", paramLabel = "KEY=VALUE",
            description = "A Flink option for the sluice variant only, applied like a SET statement in the script "
                    + "(so it overrides the profile), e.g. --sluice-set table.exec.mini-batch.enabled=false to see "
                    + "what one default buys. Repeatable.")
    java.util.Map<String, String> sluiceOptions = new java.util.LinkedHashMap<>();

    void validate() {
        if (parallelism < 1) {
            throw new CliException("--parallelism must be at least 1");
        }
        if (runs < 1) {
            throw new CliException("--runs must be at least 1");
        }
    }
}
