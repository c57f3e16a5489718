package io.sluice.cli.jobs;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.Terminal;
import io.sluice.cli.client.ServerEndpoint;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restart", description = {"Deploy a job's current version again.",
        "By default a running job stops with a savepoint and resumes from it; a stopped one resumes from its latest savepoint."})
public final class RestartCommand implements Callable<Integer> {
    private final ServerEndpoint server;
    private final Terminal terminal;

    @Parameters(paramLabel = "NAME", description = "The job.")
    private String name;

    @Option(names = "--from-savepoint", paramLabel = "ID|latest|none",
            description = "Start from this savepoint (an id from `sluice savepoints`), the latest one, or empty state.")
    private String fromSavepoint;

    public RestartCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() {
        JobStatus status = new JobsClient(server.client()).restart(name, new JobsClient.Restore(fromSavepoint, false));
        terminal.out().println("Restarted " + name + " version " + status.version() + ": " + status.summary());
        return 0;
    }
}
