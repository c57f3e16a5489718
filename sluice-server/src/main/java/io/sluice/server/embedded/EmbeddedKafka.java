package io.sluice.server.embedded;

import static io.sluice.server.embedded.LoopbackPorts.HOST;
import static java.util.Objects.requireNonNull;
import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one process) as a child process on loopback,
 * restarted when it dies. Layout under the data directory: {@code kafka/config/server.properties},
 * {@code kafka/data} (topics; formatted on the first start and reused after that, so topics survive restarts),
 * {@code logs/kafka.log} (stdout/stderr in {@code logs/kafka.out}).
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private static final String NAME = "kafka";
    private static final String MAIN_CLASS = "kafka.Kafka";
    // Kafka's start script gives 1 GB; a local broker for development needs less until it is busy
    private static final List<String> JVM_FLAGS = List.of(
            "-Xms256m", "-Xmx1g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    // a controlled shutdown flushes logs and writes a clean-shutdown marker that spares recovery on the next start
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final EmbeddedKafkaSettings settings;
    private final Path kafkaDirectory;
    private final Path configDirectory;
    private final Path dataDirectory;
    private final Path logDirectory;
    private final Path runDirectory;
    private final ChildGroup children = new ChildGroup("Embedded Kafka");
    private final AtomicBoolean startCalled = new AtomicBoolean();

    private volatile Broker broker;

    public EmbeddedKafka(EmbeddedKafkaSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.kafkaDirectory = settings.dataDir().resolve("kafka");
        this.configDirectory = kafkaDirectory.resolve("config");
        this.dataDirectory = kafkaDirectory.resolve("data");
        this.logDirectory = settings.dataDir().resolve("logs");
        this.runDirectory = settings.dataDir().resolve("run");
    }

    /**
     * Writes server.properties, formats the storage if it is new, starts the broker and returns once it answers
     * an admin request. On failure the broker is stopped again and the exception names the log to read. Can be
     * called once; {@link #close()} from another thread aborts it.
     */
    public void start() {
        if (!startCalled.compareAndSet(false, true)) {
            throw new IllegalStateException("Embedded Kafka was already started");
        }
        long startNanos = System.nanoTime();
        try {
            createDirectories();
            LeftoverProcesses.stop(runDirectory, NAME, logDirectory);
            int port = LoopbackPorts.resolve(settings.port());
            int controllerPort = settings.controllerPort() != 0 ? settings.controllerPort() : freePortOtherThan(port);
            LoopbackPorts.requireFree(port, "the embedded Kafka broker", "Kafka port");
            LoopbackPorts.requireFree(controllerPort, "the embedded Kafka controller", "Kafka controller port");
            Path serverProperties = new KafkaServerProperties(port, controllerPort, dataDirectory).writeTo(configDirectory);
            ChildLogConfig logConfig = ChildLogConfig.writeTo(configDirectory);
            KafkaStorage storage = new KafkaStorage(dataDirectory);
            if (!storage.isFormatted()) {
                storage.format(serverProperties, settings.classpath(), logConfig, logFile());
            }

            ChildProcess child = new ChildProcess(spec(serverProperties, logConfig));
            children.start(child);
            Broker candidate = new Broker(port, child);
            Collection<Node> nodes = awaitReady(candidate);
            broker = candidate;
            LOG.info("Embedded Kafka is up at {} ({} node(s)) after {} ms; data in {}, log {}", candidate.bootstrapServers(),
                    nodes.size(), (System.nanoTime() - startNanos) / 1_000_000, dataDirectory, logFile());
        }
        catch (RuntimeException | Error e) {
            children.close();
            throw e;
        }
    }

    /** {@code 127.0.0.1:<port>} for Kafka clients. */
    public String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /** The current broker process; a different pid after a restart. */
    public long pid() {
        return broker().process().pid();
    }

    /** The broker's log, {@code logs/kafka.log} under the data directory. */
    public Path logFile() {
        return logDirectory.resolve(NAME + ".log");
    }

    /** Stops the broker (controlled shutdown, killed after 30 s); returns once it is gone. */
    @Override
    public void close() {
        boolean first = children.close();
        Broker current = broker;
        if (first && current != null) {
            LOG.info("Embedded Kafka at {} stopped", current.bootstrapServers());
        }
    }

    private Broker broker() {
        Broker current = broker;
        if (current == null) {
            throw new IllegalStateException("Embedded Kafka is not started");
        }
        return current;
    }

    private void createDirectories() {
        try {
            Files.createDirectories(configDirectory);
            Files.createDirectories(dataDirectory);
            Files.createDirectories(logDirectory);
            Files.createDirectories(runDirectory);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not create the embedded Kafka directories under " + kafkaDirectory, e);
        }
    }

    private ChildProcessSpec spec(Path serverProperties, ChildLogConfig logConfig) {
        List<String> jvmFlags = new ArrayList<>(JVM_FLAGS);
        jvmFlags.addAll(logConfig.jvmFlags(logFile()));
        return new ChildProcessSpec(
                NAME,
                new JavaCommand(jvmFlags, settings.classpath(), MAIN_CLASS, List.of(serverProperties.toString())),
                Map.of(),
                kafkaDirectory,
                logFile(),
                logDirectory.resolve(NAME + ".out"),
                runDirectory.resolve(NAME + ".pid"),
                STOP_TIMEOUT);
    }

    private static int freePortOtherThan(int port) {
        int candidate = LoopbackPorts.findFree();
        while (candidate == port) {
            candidate = LoopbackPorts.findFree();
        }
        return candidate;
    }

    private Collection<Node> awaitReady(Broker candidate) {
        ChildProcess process = candidate.process();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String lastAnswer = "not listening yet";
        Admin admin = null;
        try {
            while (true) {
                children.checkOpen();
                if (process.unexpectedExits() > 0) {
                    throw new EmbeddedProcessException(NAME + " exited with code " + process.lastExitCode().orElse(-1)
                            + " while starting; read " + process.logFile() + " and " + process.outFile());
                }
                // the port first: an admin client polling a closed port only fills the server log with warnings
                if (admin == null && LoopbackPorts.accepts(candidate.port())) {
                    admin = Admin.create(Map.of(
                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, candidate.bootstrapServers(),
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis(),
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis()));
                }
                if (admin != null) {
                    try {
                        return admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) REQUEST_TIMEOUT.toMillis()))
                                .nodes()
                                .get(REQUEST_TIMEOUT.toMillis() * 2, MILLISECONDS);
                    }
                    catch (ExecutionException | TimeoutException e) {
                        lastAnswer = e.getCause() != null ? e.getCause().toString() : e.toString();
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new EmbeddedProcessException("Embedded Kafka at " + candidate.bootstrapServers()
                            + " did not answer within " + START_TIMEOUT.toSeconds() + " s (last answer: " + lastAnswer
                            + "); read " + process.logFile() + " and " + process.outFile());
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedProcessException("Interrupted while waiting for embedded Kafka at " + candidate.bootstrapServers(), e);
        }
        finally {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
        }
    }

    private record Broker(int port, ChildProcess process) {
        String bootstrapServers() {
            return HOST + ":" + port;
        }
    }
}
