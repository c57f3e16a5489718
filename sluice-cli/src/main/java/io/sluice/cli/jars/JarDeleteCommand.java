package io.sluice.cli.jars;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.Terminal;
import io.sluice.cli.client.ServerEndpoint;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = "Delete an uploaded jar that no job's latest or deployed version uses.")
public final class JarDeleteCommand implements Callable<Integer> {
    private final ServerEndpoint server;
    private final Terminal terminal;

    @Parameters(paramLabel = "NAME", description = "The jar's name on the server.")
    private String name;

    public JarDeleteCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() {
        new JarsClient(server.client()).delete(name);
        terminal.out().println("Deleted jar " + name);
        return 0;
    }
}
