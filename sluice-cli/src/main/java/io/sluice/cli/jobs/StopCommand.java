package io.sluice.cli.jobs;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.Terminal;
import io.sluice.cli.client.ServerEndpoint;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "stop", description = {"Stop a job.",
        "By default Flink takes a savepoint as the job stops; the job's next deployment resumes from it."})
public final class StopCommand implements Callable<Integer> {
    private final ServerEndpoint server;
    private final Terminal terminal;

    @Parameters(paramLabel = "NAME", description = "The job.")
    private String name;

    @Option(names = "--no-savepoint", description = "Cancel the job without taking a savepoint.")
    private boolean noSavepoint;

    public StopCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() {
        JobStatus status = new JobsClient(server.client()).stop(name, !noSavepoint);
        // the Flink job and its dashboard are gone now; state and message are what is left to say
        terminal.out().println("Stopped " + name + (status.version() == null ? "" : " version " + status.version())
                + ": " + status.state() + (status.message() == null || status.message().isBlank() ? "" : ", " + status.message()));
        return 0;
    }
}
