package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.cli.client.ServerEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SluiceCliTest {

    @Test
    void everyCommandPrintsItsHelpAndExitsZero() {
        List<List<String>> commands = new ArrayList<>();
        collect(CliRun.commandLine(CliRun.endpoint(Map.of())), new ArrayList<>(), commands);
        assertEquals(25, commands.size(), "commands: " + commands);
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            CliRun run = CliRun.run(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), args + ": " + run.err());
            assertTrue(run.out().startsWith("Usage: " + String.join(" ", qualified(command))), args + ": " + run.out());
            assertEquals("", run.err(), args.toString());
        }
    }

    @Test
    void topLevelHelpListsEveryCommandIncludingServer() {
        String help = CliRun.run("--help").out();
        for (String command : List.of("server", "demo", "deploy", "jobs", "status", "stop", "validate", "explain", "topic")) {
            assertTrue(help.lines().anyMatch(line -> line.startsWith("  " + command + " ")), command + " in\n" + help);
        }
        assertTrue(help.contains("--server=URL"), help);
    }

    @Test
    void serverOptionIsAcceptedBeforeOrAfterTheCommandAndWinsOverTheEnvironment() {
        ServerEndpoint before = CliRun.endpoint(Map.of(ServerEndpoint.ENVIRONMENT_VARIABLE, "http://env:1"));
        CliRun.commandLine(before).parseArgs("--server", "http://a:1/", "jobs");
        assertEquals("http://a:1", before.url());

        ServerEndpoint after = CliRun.endpoint(Map.of());
        CliRun.commandLine(after).parseArgs("topic", "list", "--server", "http://b:2");
        assertEquals("http://b:2", after.url());

        ServerEndpoint none = CliRun.endpoint(Map.of(ServerEndpoint.ENVIRONMENT_VARIABLE, "http://env:1"));
        CliRun.commandLine(none).parseArgs("jobs");
        assertEquals("http://env:1", none.url());
    }

    @Test
    void unknownOptionIsOneLineNamingTheCommandsHelp() {
        CliRun run = CliRun.run("jobs", "--bogus");
        assertEquals(ErrorReporter.USAGE, run.exitCode());
        assertEquals(List.of("Unknown option: '--bogus' (see 'sluice jobs --help')"), run.errLines());
    }

    @Test
    void invalidValueFromTheCommandItselfIsAUsageError() {
        CliRun run = CliRun.run("topic", "create", "t", "--partitions", "0", "--server", "http://127.0.0.1:1");
        assertEquals(ErrorReporter.USAGE, run.exitCode());
        assertEquals(List.of("--partitions must be at least 1, not 0 (see 'sluice topic create --help')"), run.errLines());
    }

    @Test
    void groupWithoutSubcommandNamesTheChoices() {
        CliRun run = CliRun.run("topic");
        assertEquals(ErrorReporter.USAGE, run.exitCode());
        assertEquals(List.of("missing command: one of create, produce, consume, list (see 'sluice topic --help')"),
                run.errLines());
    }

    @Test
    void missingScriptIsReportedByItsName() {
        CliRun run = CliRun.run("deploy", "no/such.sql", "--server", "http://127.0.0.1:1");
        assertEquals(ErrorReporter.FAILURE, run.exitCode());
        assertEquals(List.of("no/such.sql: no such file"), run.errLines());
    }

    @Test
    void badServerUrlSaysWhatAUrlLooksLike() {
        CliRun run = CliRun.run("jobs", "--server", "localhost:8484");
        assertEquals(ErrorReporter.FAILURE, run.exitCode());
        assertEquals(List.of("'localhost:8484' is not a server URL; give --server (or SLUICE_SERVER) like "
                + "http://127.0.0.1:8484"), run.errLines());
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            collect(sub, subPath, into);
        });
    }

    private static List<String> qualified(List<String> command) {
        List<String> names = new ArrayList<>();
        names.add("sluice");
        names.addAll(command);
        return names;
    }
}
