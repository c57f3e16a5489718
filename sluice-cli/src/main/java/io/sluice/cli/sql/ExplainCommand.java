package io.sluice.cli.sql;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.Terminal;
import io.sluice.cli.client.ServerEndpoint;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "explain", description = "Print the plan Flink would run for a SQL script.")
public final class ExplainCommand implements Callable<Integer> {
    private final ServerEndpoint server;
    private final Terminal terminal;

    @Parameters(paramLabel = "FILE", description = "The SQL script.")
    private Path file;

    public ExplainCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() {
        String plan = new SqlClient(server.client()).explain(SqlScript.read(file));
        terminal.out().println(plan.stripTrailing());
        return 0;
    }
}
