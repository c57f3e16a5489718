package io.sluice.cli.topics;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.sluice.cli.Terminal;
import io.sluice.cli.client.ServerEndpoint;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "produce",
        description = {"Write records read from stdin to a topic, one record per line.",
                "Prints the number of records written on stderr."})
public final class TopicProduceCommand implements Callable<Integer> {
    static final int BATCH_SIZE = 500;

    private final ServerEndpoint server;
    private final Terminal terminal;

    @Mixin
    private KafkaConnectionOption connection;

    @Parameters(paramLabel = "NAME", description = "The topic.")
    private String name;

    @Option(names = "--keyed", description = "Each line is KEY<TAB>VALUE (otherwise the line is the value, without key).")
    private boolean keyed;

    public TopicProduceCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() {
        TopicsClient topics = new TopicsClient(server.client(), connection.name());
        RecordUploader uploader = new RecordUploader(batch -> topics.write(name, batch), new RecordLineParser(keyed), BATCH_SIZE);
        long written = uploader.upload(new BufferedReader(new InputStreamReader(terminal.in(), UTF_8)));
        terminal.err().println(written + " records written");
        return 0;
    }
}
