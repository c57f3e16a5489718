package io.sluice.cli;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.client.ServerEndpoint;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "sluice",
        versionProvider = VersionProvider.class,
        description = "Sluice: SQL jobs on Apache Flink. Runs the server and the demo, and manages jobs and topics "
                + "over the server's REST API.")
public final class SluiceCommand implements Callable<Integer> {
    private final ServerEndpoint server;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help and exit.")
    private boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    private boolean version;

    public SluiceCommand(ServerEndpoint server) {
        this.server = requireNonNull(server, "server is null");
    }

    // inherited: accepted before or after the command name, e.g. `sluice jobs --server URL`
    @Option(names = "--server", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Sluice server to talk to (default: $" + ServerEndpoint.ENVIRONMENT_VARIABLE + ", else "
                    + ServerEndpoint.DEFAULT_URL + ").")
    void server(String url) {
        server.select(url);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ErrorReporter.USAGE;
    }
}
