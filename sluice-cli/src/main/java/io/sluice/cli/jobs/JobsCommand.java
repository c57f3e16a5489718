package io.sluice.cli.jobs;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.Table;
import io.sluice.cli.Terminal;
import io.sluice.cli.client.ServerEndpoint;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "jobs", description = "List the jobs with their deployed version, state and Flink job id.")
public final class JobsCommand implements Callable<Integer> {
    private final ServerEndpoint server;
    private final Terminal terminal;

    public JobsCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() {
        table(new JobsClient(server.client()).list()).lines().forEach(terminal.out()::println);
        return 0;
    }

    static Table table(List<JobStatus> jobs) {
        Table table = new Table("NAME", "VERSION", "STATE", "FLINK-JOB");
        for (JobStatus job : jobs) {
            table.row(job.name(), job.version(), job.state(), job.flinkJobId());
        }
        return table;
    }
}
