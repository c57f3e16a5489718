package io.sluice.cli.bench;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.CliException;
import io.sluice.cli.Terminal;
import io.sluice.cli.client.ServerEndpoint;
import io.sluice.runtime.nexmark.NexmarkTableFactory;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "retraction",
        description = {
            "Measures how much work reaches the sink in the cases that retract most: a two-level aggregation "
                    + "(bids per bidder, then bidders per bid count) and a LEFT JOIN whose right side (people, "
                    + "from a rate-limited source) arrives after the bids, plus the same join as an INNER JOIN. "
                    + "Runs each as plain Flink and as Sluice (mini-batch, net-change buffer, outer-join cache) on the same cluster "
                    + "and prints the records reaching the sink in each, the reduction factor (flink/sluice), "
                    + "events/s and their ratio, and whether the final tables are equal (checksums); writes "
                    + "retraction-<timestamp>.json."
        })
public final class RetractionBenchCommand implements Callable<Integer> {
    static final List<String> CASES = List.of("two-level-aggregation", "late-left-join", "late-inner-join");

    private final ServerEndpoint server;
    private final Terminal terminal;

    @Mixin
    private BenchOptions options;

    @Option(names = "--events", paramLabel = "N", defaultValue = "1200000",
            description = "Nexmark events each job reads, 92%% of them bids (default: ${DEFAULT-VALUE}).")
    private long events;

    @Option(names = "--late-seconds", paramLabel = "S", defaultValue = "10",
            description = "Seconds the late right side of the join takes to arrive in full (default: ${DEFAULT-VALUE}).")
    private int lateSeconds;

    public RetractionBenchCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() {
        if (events < 1 || lateSeconds < 1) {
            throw new CliException("--events and --late-seconds must be at least 1");
        }
        SideBySide bench = SideBySide.start("retraction", options, server, events, terminal.out(), terminal.err());
        String tables = NexmarkQueries.tables(events, NexmarkBenchCommand.SEED);
        for (String name : CASES) {
            String script = BenchScripts.read("retraction/" + name + ".sql")
                    .replace("${person_type}", NexmarkTableFactory.PERSON_TYPE.getLogicalType().asSerializableString())
                    .replace("${events}", Long.toString(events))
                    .replace("${seed}", Long.toString(NexmarkBenchCommand.SEED))
                    .replace("${late_rate}", Long.toString(Math.max(1, events / lateSeconds)));
            bench.report().add(bench.compare(name, tables + "\n" + script));
        }
        return bench.finish(options);
    }
}
