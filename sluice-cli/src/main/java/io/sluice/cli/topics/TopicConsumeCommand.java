package io.sluice.cli.topics;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.Terminal;
import io.sluice.cli.client.ServerEndpoint;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "consume",
        description = {"Print the records of a topic, one value per line.",
                "Stops after --max records or --timeout seconds, whichever comes first; "
                        + "with neither it follows the topic until interrupted."})
public final class TopicConsumeCommand implements Callable<Integer> {
    private final ServerEndpoint server;
    private final Terminal terminal;

    @Spec
    private CommandSpec spec;

    @Mixin
    private KafkaConnectionOption connection;

    @Parameters(paramLabel = "NAME", description = "The topic.")
    private String name;

    @Option(names = "--from-beginning", description = "Start at the oldest record (otherwise only new records are printed).")
    private boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    private Long max;

    @Option(names = "--timeout", paramLabel = "S", description = "Stop after S seconds in total (decimals allowed).")
    private Double timeoutSeconds;

    @Option(names = "--keys", description = "Print KEY<TAB>VALUE.")
    private boolean keys;

    @Option(names = "--read-uncommitted",
            description = "Also print records of open or aborted transactions (default: committed records only).")
    private boolean readUncommitted;

    public TopicConsumeCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() {
        if (max != null && max < 0) {
            throw new ParameterException(spec.commandLine(), "--max must not be negative, not " + max);
        }
        if (timeoutSeconds != null && !(timeoutSeconds >= 0)) {
            throw new ParameterException(spec.commandLine(), "--timeout must be a number of seconds, not " + timeoutSeconds);
        }
        TopicsClient topics = new TopicsClient(server.client(), connection.name());
        PrintWriter out = terminal.out();
        new TopicConsumer(read -> topics.read(name, read), System::nanoTime)
                .consume(fromBeginning, readUncommitted, max, timeout(), record -> {
                    out.println(record.line(keys));
                    // a closed pipe (e.g. `| head`) is a reason to stop, not an error
                    return !out.checkError();
                });
        return 0;
    }

    Duration timeout() {
        return timeoutSeconds == null ? null : Duration.ofNanos((long) (timeoutSeconds * 1_000_000_000L));
    }
}
