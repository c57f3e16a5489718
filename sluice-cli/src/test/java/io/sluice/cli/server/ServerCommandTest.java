package io.sluice.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServerCommandTest {

    @Test
    void passesItsOptionsOnToTheServer() {
        ServerCommand command = new ServerCommand();
        new CommandLine(command).parseArgs("--data-dir", "d", "--port", "9000", "--config", "conf/sluice.yaml");
        assertEquals(List.of("--port", "9000", "--data-dir", "d", "--config", "conf/sluice.yaml"), command.serverArguments());
    }
}
