package io.sluice.cli;

import io.sluice.cli.client.ApiJson;
import io.sluice.cli.client.ServerEndpoint;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs the sluice command in-process with captured streams, as a user would from a shell. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(String... args) {
        return runWith(Map.of(), "", args);
    }

    public static CliRun runWith(Map<String, String> environment, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int exitCode = SluiceCli.run(args, terminal, environment);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** The command tree with a server endpoint of the given environment and discarded output, for parsing. */
    public static CommandLine commandLine(ServerEndpoint server) {
        return SluiceCli.commandLine(server, new Terminal(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), new ByteArrayInputStream(new byte[0])));
    }

    public static ServerEndpoint endpoint(Map<String, String> environment) {
        return new ServerEndpoint(ServerEndpoint.defaultHttpClient(), ApiJson.mapper(), environment);
    }

    /** The command object a command line selects, e.g. {@code DeployCommand} for {@code deploy x.sql}. */
    public static <T> T parse(String... args) {
        CommandLine.ParseResult result = commandLine(endpoint(Map.of())).parseArgs(args);
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return result.commandSpec().commandLine().getCommand();
    }

    public List<String> errLines() {
        return err.lines().toList();
    }

    public List<String> outLines() {
        return out.lines().toList();
    }
}
