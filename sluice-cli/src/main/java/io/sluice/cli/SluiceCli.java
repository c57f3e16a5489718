package io.sluice.cli;

import io.sluice.cli.bench.BenchCommand;
import io.sluice.cli.bench.NexmarkBenchCommand;
import io.sluice.cli.bench.RetractionBenchCommand;
import io.sluice.cli.client.ApiJson;
import io.sluice.cli.client.ServerEndpoint;
import io.sluice.cli.demo.DemoCommand;
import io.sluice.cli.jars.JarCommand;
import io.sluice.cli.jars.JarDeleteCommand;
import io.sluice.cli.jars.JarListCommand;
import io.sluice.cli.jars.JarUploadCommand;
import io.sluice.cli.jobs.DeployCommand;
import io.sluice.cli.jobs.JobsCommand;
import io.sluice.cli.jobs.StatusCommand;
import io.sluice.cli.jobs.RestartCommand;
import io.sluice.cli.jobs.SavepointCommand;
import io.sluice.cli.jobs.SavepointsCommand;
import io.sluice.cli.jobs.StopCommand;
import io.sluice.cli.server.ServerCommand;
import io.sluice.cli.sql.ExplainCommand;
import io.sluice.cli.sql.PreviewCommand;
import io.sluice.cli.sql.ValidateCommand;
import io.sluice.cli.topics.TopicCommand;
import io.sluice.cli.topics.TopicConsumeCommand;
import io.sluice.cli.topics.TopicCreateCommand;
import io.sluice.cli.topics.TopicListCommand;
import io.sluice.cli.topics.TopicProduceCommand;
import java.util.Map;
import picocli.CommandLine;

/** The {@code sluice} command's entry point: wires the commands and runs one. */
public final class SluiceCli {
    private SluiceCli() {}

    public static void main(String[] args) {
        System.exit(run(args, Terminal.system(), System.getenv()));
    }

    public static int run(String[] args, Terminal terminal, Map<String, String> environment) {
        ServerEndpoint server = new ServerEndpoint(ServerEndpoint.defaultHttpClient(), ApiJson.mapper(), environment);
        int exitCode = commandLine(server, terminal).execute(args);
        terminal.out().flush();
        terminal.err().flush();
        return exitCode;
    }

    public static CommandLine commandLine(ServerEndpoint server, Terminal terminal) {
        CommandLine topic = new CommandLine(new TopicCommand())
                .addSubcommand(new TopicCreateCommand(server, terminal))
                .addSubcommand(new TopicProduceCommand(server, terminal))
                .addSubcommand(new TopicConsumeCommand(server, terminal))
                .addSubcommand(new TopicListCommand(server, terminal));
        CommandLine sluice = new CommandLine(new SluiceCommand(server))
                .addSubcommand(new ServerCommand())
                .addSubcommand(new DemoCommand(server, terminal))
                .addSubcommand(new DeployCommand(server, terminal))
                .addSubcommand(new JobsCommand(server, terminal))
                .addSubcommand(new StatusCommand(server, terminal))
                .addSubcommand(new StopCommand(server, terminal))
                .addSubcommand(new RestartCommand(server, terminal))
                .addSubcommand(new SavepointCommand(server, terminal))
                .addSubcommand(new SavepointsCommand(server, terminal))
                .addSubcommand(new ValidateCommand(server, terminal))
                .addSubcommand(new ExplainCommand(server, terminal))
                .addSubcommand(new PreviewCommand(server, terminal))
                .addSubcommand(topic)
                .addSubcommand(new CommandLine(new JarCommand())
                        .addSubcommand(new JarUploadCommand(server, terminal))
                        .addSubcommand(new JarListCommand(server, terminal))
                        .addSubcommand(new JarDeleteCommand(server, terminal)))
                .addSubcommand(new CommandLine(new BenchCommand())
                        .addSubcommand(new NexmarkBenchCommand(server, terminal))
                        .addSubcommand(new RetractionBenchCommand(server, terminal)));
        ErrorReporter errors = new ErrorReporter(terminal.err());
        return sluice
                .setOut(terminal.out())
                .setErr(terminal.err())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }
}
