package io.sluice.cli.bench;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.CliException;
import io.sluice.cli.Terminal;
import io.sluice.cli.client.ServerEndpoint;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "nexmark",
        description = {
            "Runs Nexmark queries as plain Flink and as Sluice on the same Flink cluster, one after the other, "
                    + "each reading the same generated events into a sink that counts records and checksums the "
                    + "final table. Prints per query events/s, TaskManager CPU-seconds per million events, sink "
                    + "records, the checksum, the ratios sluice/flink and their geometric mean, plus a ceiling row "
                    + "(generator into a discarding sink); writes the same as nexmark-<timestamp>.json.",
            "A query whose two checksums differ is FAILED and left out of the mean; the exit code is then 1.",
            "Runs on the Sluice server's cluster (see --server) unless --flink is given. Not included: "
                    + "q6 (OVER window on an update stream), q12 (processing time), q13 (file side input)."
        })
public final class NexmarkBenchCommand implements Callable<Integer> {
    static final long SEED = 42;

    private final ServerEndpoint server;
    private final Terminal terminal;

    @Mixin
    private BenchOptions options;

    @Option(names = "--queries", paramLabel = "LIST", defaultValue = "all",
            description = "Comma-separated queries, e.g. q0,q5,q7, or all (default: ${DEFAULT-VALUE}).")
    private String queries;

    @Option(names = "--events", paramLabel = "N", defaultValue = "1000000",
            description = "Nexmark events each job reads (default: ${DEFAULT-VALUE}).")
    private long events;

    @Option(names = "--no-ceiling", description = "Leave out the ceiling row (generator into a discarding sink).")
    private boolean noCeiling;

    public NexmarkBenchCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() {
        List<String> selected = NexmarkQueries.parse(queries);
        if (events < 1) {
            throw new CliException("--events must be at least 1");
        }
        SideBySide bench = SideBySide.start("nexmark", options, server, events, terminal.out(), terminal.err());
        String tables = NexmarkQueries.tables(events, SEED);
        if (!noCeiling) {
            bench.report().ceiling(bench.compare("ceiling", tables
                    + "\nCREATE TABLE nexmark_ceiling (event_type INT) WITH ('connector' = 'blackhole');"
                    + "\nINSERT INTO nexmark_ceiling SELECT event_type FROM nexmark;"));
        }
        for (String query : selected) {
            bench.report().add(bench.compare(query, tables + "\n" + NexmarkQueries.query(query)));
        }
        return bench.finish(options);
    }
}
