package io.sluice.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.cli.SluiceCli;
import io.sluice.cli.Terminal;
import io.sluice.cli.client.ApiJson;
import io.sluice.cli.client.ServerEndpoint;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployCommandTest {

    @Test
    void jobNameDefaultsToTheFilesBaseName() {
        DeployCommand command = parse("deploy", "jobs/clicks-etl.sql");
        assertEquals("clicks-etl", command.jobName());
        assertEquals(new JobSettings(null, null, null), command.settings());
    }

    @Test
    void optionsBecomeNameAndSettings() {
        DeployCommand command = parse("deploy", "etl.sql", "--name", "clicks", "--parallelism", "4",
                "--checkpoint-interval", "1min", "--buffer-timeout", "5ms");
        assertEquals("clicks", command.jobName());
        assertEquals(new JobSettings(4, 60_000L, 5L), command.settings());
    }

    private static DeployCommand parse(String... args) {
        ServerEndpoint server = new ServerEndpoint(ServerEndpoint.defaultHttpClient(), ApiJson.mapper(), Map.of());
        Terminal terminal = new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]));
        return SluiceCli.commandLine(server, terminal).parseArgs(args).subcommand().commandSpec().commandLine().getCommand();
    }
}
