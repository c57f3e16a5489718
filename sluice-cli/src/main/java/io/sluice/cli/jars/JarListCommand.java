package io.sluice.cli.jars;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.Table;
import io.sluice.cli.Terminal;
import io.sluice.cli.client.ServerEndpoint;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "list", description = "List the uploaded jars with the function classes they hold.")
public final class JarListCommand implements Callable<Integer> {
    private final ServerEndpoint server;
    private final Terminal terminal;

    public JarListCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() {
        Table table = new Table("NAME", "BYTES", "UPLOADED", "FUNCTION CLASSES");
        new JarsClient(server.client()).list().forEach(jar -> table.row(jar.name(), jar.sizeBytes(), jar.uploadedAt(),
                String.join(", ", jar.functionClasses())));
        table.lines().forEach(terminal.out()::println);
        return 0;
    }
}
