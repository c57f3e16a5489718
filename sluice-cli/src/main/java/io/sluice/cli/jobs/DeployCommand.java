package io.sluice.cli.jobs;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.CliException;
import io.sluice.cli.DurationConverter;
import io.sluice.cli.Terminal;
import io.sluice.cli.client.ServerEndpoint;
import io.sluice.cli.sql.SqlScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "deploy",
        description = {"Publish a SQL script as a job and run it.",
                "Creates the job, or adds a new version if the job exists, then deploys that version. "
                        + "A running older version stops with a savepoint and the new one resumes from it; "
                        + "a stopped job resumes from its latest savepoint. A savepoint the new version cannot use "
                        + "is refused with the reason."})
public final class DeployCommand implements Callable<Integer> {
    private final ServerEndpoint server;
    private final Terminal terminal;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The SQL script, e.g. clicks-etl.sql.")
    private Path file;

    @Option(names = "--name", paramLabel = "NAME", description = "Job name (default: the file's base name).")
    private String name;

    @Option(names = "--parallelism", paramLabel = "P", description = "Parallelism of the job's operators.")
    private Integer parallelism;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Checkpoint interval, e.g. 10s or 1min.")
    private Duration checkpointInterval;

    @Option(names = "--buffer-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Network buffer timeout, e.g. 100ms (0 = lowest latency).")
    private Duration bufferTimeout;

    @Option(names = "--checkpoint-mode", paramLabel = "MODE", description = "exactly-once (default) or at-least-once.")
    private String checkpointMode;

    @Option(names = "--checkpoint-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Abort a checkpoint that takes longer, e.g. 10min.")
    private Duration checkpointTimeout;

    @Option(names = "--min-pause", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Least time between the end of one checkpoint and the start of the next.")
    private Duration minPause;

    @Option(names = "--state-backend", paramLabel = "BACKEND",
            description = "rocksdb (default; incremental checkpoints, state may outgrow memory) or heap.")
    private String stateBackend;

    @Option(names = "--from-savepoint", paramLabel = "ID|latest|none",
            description = "Start from this savepoint (an id from `sluice savepoints`), the latest one, or empty state.")
    private String fromSavepoint;

    @Option(names = "--allow-non-restored-state",
            description = "Drop the saved state of operators the new version no longer has, instead of refusing it.")
    private boolean allowNonRestoredState;

    public DeployCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() {
        if (parallelism != null && parallelism < 1) {
            throw new ParameterException(spec.commandLine(), "--parallelism must be at least 1, not " + parallelism);
        }
        Deployment deployment = new JobDeployer(new JobsClient(server.client()))
                .deploy(jobName(), SqlScript.read(file), settings(),
                        new JobsClient.Restore(fromSavepoint, allowNonRestoredState));
        if (deployment.status().failed()) {
            throw new CliException(deployment.failure());
        }
        terminal.out().println(deployment.summary());
        return 0;
    }

    String jobName() {
        return name != null ? name : SqlScript.baseName(file);
    }

    JobSettings settings() {
        return JobSettings.of(parallelism, checkpointInterval, bufferTimeout)
                .withCheckpointing(checkpointMode, checkpointTimeout, minPause, stateBackend);
    }
}
