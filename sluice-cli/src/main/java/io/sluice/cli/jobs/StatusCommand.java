package io.sluice.cli.jobs;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.Terminal;
import io.sluice.cli.client.ServerEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "status", description = "Show where a job stands: version, state, Flink job, dashboard URL and message.")
public final class StatusCommand implements Callable<Integer> {
    private final ServerEndpoint server;
    private final Terminal terminal;

    @Parameters(paramLabel = "NAME", description = "The job.")
    private String name;

    public StatusCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() {
        lines(new JobsClient(server.client()).status(name)).forEach(terminal.out()::println);
        return 0;
    }

    static List<String> lines(JobStatus status) {
        List<String> lines = new ArrayList<>();
        lines.add(field("Job", status.name()));
        lines.add(field("Version", status.version()));
        lines.add(field("State", status.state()));
        lines.add(field("Flink job", status.flinkJobId()));
        lines.add(field("Dashboard", status.dashboardUrl()));
        lines.add(field("Deployed at", status.deployedAt()));
        lines.add(field("Restarts", status.restarts()));
        lines.add(field("Message", status.message()));
        return lines;
    }

    private static String field(String label, Object value) {
        return String.format("%-12s %s", label + ":", value == null ? "-" : value);
    }
}
