package io.sluice.cli.jobs;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.Terminal;
import io.sluice.cli.client.ApiJson;
import io.sluice.cli.client.ServerEndpoint;
import java.util.List;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.core.JsonProcessingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "savepoints", description = {"List a job's savepoints, newest first, one per line with its id first:",
        "ID  CREATED  VERSION  TRIGGER (STOP or MANUAL)  SIZE  LOCATION"})
public final class SavepointsCommand implements Callable<Integer> {
    private final ServerEndpoint server;
    private final Terminal terminal;

    @Parameters(paramLabel = "NAME", description = "The job.")
    private String name;

    @Option(names = "--json", description = "Print the list as JSON.")
    private boolean json;

    public SavepointsCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() throws JsonProcessingException {
        List<Savepoint> savepoints = new JobsClient(server.client()).savepoints(name);
        if (json) {
            terminal.out().println(ApiJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(savepoints));
        } else {
            savepoints.stream().map(Savepoint::line).forEach(terminal.out()::println);
        }
        return 0;
    }
}
