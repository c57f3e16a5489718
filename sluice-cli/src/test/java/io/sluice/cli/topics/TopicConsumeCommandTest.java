package io.sluice.cli.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.cli.SluiceCli;
import io.sluice.cli.Terminal;
import io.sluice.cli.client.ApiJson;
import io.sluice.cli.client.ServerEndpoint;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicConsumeCommandTest {

    @Test
    void timeoutIsInSecondsWithDecimals() {
        assertEquals(Duration.ofMillis(1_500), parse("topic", "consume", "t", "--timeout", "1.5").timeout());
        assertNull(parse("topic", "consume", "t").timeout());
    }

    private static TopicConsumeCommand parse(String... args) {
        ServerEndpoint server = new ServerEndpoint(ServerEndpoint.defaultHttpClient(), ApiJson.mapper(), Map.of());
        Terminal terminal = new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]));
        return SluiceCli.commandLine(server, terminal).parseArgs(args)
                .subcommand().subcommand().commandSpec().commandLine().getCommand();
    }
}
