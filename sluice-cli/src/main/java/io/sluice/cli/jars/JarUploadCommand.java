package io.sluice.cli.jars;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.CliException;
import io.sluice.cli.Terminal;
import io.sluice.cli.client.ServerEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "upload", description = "Upload a jar of user functions; scripts then name it in CREATE FUNCTION ... USING JAR 'name'.")
public final class JarUploadCommand implements Callable<Integer> {
    private final ServerEndpoint server;
    private final Terminal terminal;

    @Parameters(paramLabel = "FILE", description = "The jar file.")
    private Path file;

    @Option(names = "--name", paramLabel = "NAME", description = "Its name on the server (default: the file name without .jar).")
    private String name;

    public JarUploadCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CliException("cannot read the jar " + file + ": " + e.getMessage(), e);
        }
        String jarName = name != null ? name : file.getFileName().toString().replaceFirst("\\.jar$", "");
        UploadedJar jar = new JarsClient(server.client()).upload(jarName, content);
        terminal.out().println("Uploaded jar " + jar.name() + " (" + jar.sizeBytes() + " bytes)");
        jar.functionClasses().forEach(c -> terminal.out().println("  " + c));
        terminal.out().println("Use it with: CREATE FUNCTION my_fn AS '<class>' USING JAR '" + jar.name() + "';");
        return 0;
    }
}
