package io.sluice.cli.topics;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.Terminal;
import io.sluice.cli.client.ServerEndpoint;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "create", description = "Create a topic.")
public final class TopicCreateCommand implements Callable<Integer> {
    private final ServerEndpoint server;
    private final Terminal terminal;

    @Spec
    private CommandSpec spec;

    @Mixin
    private KafkaConnectionOption connection;

    @Parameters(paramLabel = "NAME", description = "The topic.")
    private String name;

    @Option(names = "--partitions", paramLabel = "K", description = "Number of partitions (default: the server's).")
    private Integer partitions;

    public TopicCreateCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() {
        if (partitions != null && partitions < 1) {
            throw new ParameterException(spec.commandLine(), "--partitions must be at least 1, not " + partitions);
        }
        new TopicsClient(server.client(), connection.name()).create(name, partitions);
        terminal.out().println("Created topic " + name + (partitions == null ? "" : " with " + partitions + " partitions"));
        return 0;
    }
}
