package io.sluice.cli.server;

import io.sluice.cli.CliException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice server}. bin/sluice runs the server's main class directly; this command exists for
 * {@code sluice --help} and for running the CLI's main class by hand with the server jars on the classpath.
 */
@Command(name = "server",
        description = {"Run the Sluice server: REST API, and (embedded mode) a local Flink cluster and Kafka broker.",
                "`bin/sluice server --help` lists all of the server's options."})
public final class ServerCommand implements Callable<Integer> {
    // looked up at run time: the CLI talks to the server over REST only and does not compile against it
    static final String SERVER_MAIN_CLASS = "io.sluice.server.SluiceServerMain";

    @Option(names = "--port", paramLabel = "P", description = "HTTP port of the REST API.")
    private Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory of the metadata store and the embedded cluster's data.")
    private Path dataDirectory;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (sluice.yaml).")
    private Path config;

    @Override
    public Integer call() {
        Method main;
        try {
            main = Class.forName(SERVER_MAIN_CLASS).getMethod("main", String[].class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new CliException("the Sluice server (" + SERVER_MAIN_CLASS + ") is not on the classpath; "
                    + "run it with `bin/sluice server`", e);
        }
        try {
            main.invoke(null, (Object) serverArguments().toArray(String[]::new));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CliException("the Sluice server failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(SERVER_MAIN_CLASS + ".main is not public", e);
        }
        return 0;
    }

    List<String> serverArguments() {
        List<String> arguments = new ArrayList<>();
        if (port != null) {
            arguments.add("--port");
            arguments.add(port.toString());
        }
        if (dataDirectory != null) {
            arguments.add("--data-dir");
            arguments.add(dataDirectory.toString());
        }
        if (config != null) {
            arguments.add("--config");
            arguments.add(config.toString());
        }
        return arguments;
    }
}
