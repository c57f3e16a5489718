package io.sluice.cli.jobs;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.Terminal;
import io.sluice.cli.client.ServerEndpoint;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "savepoint", description = "Take a savepoint of a running job without stopping it.")
public final class SavepointCommand implements Callable<Integer> {
    private final ServerEndpoint server;
    private final Terminal terminal;

    @Parameters(paramLabel = "NAME", description = "The job.")
    private String name;

    public SavepointCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() {
        Savepoint savepoint = new JobsClient(server.client()).triggerSavepoint(name);
        terminal.out().println("Savepoint " + savepoint.id() + " of " + name + " version " + savepoint.version()
                + ": " + savepoint.location());
        return 0;
    }
}
