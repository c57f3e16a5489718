package io.sluice.cli.topics;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.Table;
import io.sluice.cli.Terminal;
import io.sluice.cli.client.ServerEndpoint;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "List the topics with their partition counts.")
public final class TopicListCommand implements Callable<Integer> {
    private final ServerEndpoint server;
    private final Terminal terminal;

    @Mixin
    private KafkaConnectionOption connection;

    public TopicListCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() {
        Table table = new Table("NAME", "PARTITIONS");
        new TopicsClient(server.client(), connection.name()).list()
                .forEach(topic -> table.row(topic.name(), topic.partitions()));
        table.lines().forEach(terminal.out()::println);
        return 0;
    }
}
