package io.sluice.server;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.sluice.server.config.ConfigLoader;
import io.sluice.server.config.SluiceConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice server}: runs the server in the foreground until Ctrl-C or SIGTERM. */
@Command(name = "sluice server",
        description = {
            "Runs the Sluice server in the foreground.",
            "With no configuration it starts, on loopback, a Flink session cluster, a Kafka broker and an H2 "
                    + "metadata store under the data dir, and supervises them.",
            "Prints 'Sluice ready at URL' once every part is up; Ctrl-C or SIGTERM stops everything."})
public final class SluiceServerMain implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--port", paramLabel = "P", description = "HTTP port of the REST API (default 8484)")
    private Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "where metadata, Flink state and Kafka data live (default ./sluice-data)")
    private Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", description = "a sluice.yaml; SLUICE_* environment variables override it, flags override both")
    private Path configFile;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SluiceServerMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> overrides = new HashMap<>();
        if (port != null) {
            overrides.put("server.port", port.toString());
        }
        if (dataDir != null) {
            overrides.put("data-dir", dataDir.toString());
        }
        SluiceConfig config;
        try {
            config = new ConfigLoader().load(configFile, System.getenv(), overrides);
        } catch (IllegalArgumentException e) {
            System.err.println("sluice server: " + e.getMessage());
            return 2;
        }
        SluiceServer server;
        try {
            server = SluiceServer.start(config);
        } catch (RuntimeException e) {
            System.err.println("sluice server failed to start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sluice-shutdown"));
        System.out.println("Sluice ready at " + server.url());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
