package io.sluice.server;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.sluice.server.api.ClusterInfo;
import io.sluice.server.api.RestApi;
import io.sluice.server.catalog.ConnectionService;
import io.sluice.server.catalog.ConnectionType;
import io.sluice.server.catalog.SecretCipher;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.deploy.CheckpointLocator;
import io.sluice.server.deploy.Deployer;
import io.sluice.server.deploy.FlinkClient;
import io.sluice.server.deploy.SavepointTaker;
import io.sluice.server.embedded.ChildClasspath;
import io.sluice.server.embedded.EmbeddedFlink;
import io.sluice.server.embedded.EmbeddedFlinkSettings;
import io.sluice.server.embedded.EmbeddedKafka;
import io.sluice.server.embedded.EmbeddedKafkaSettings;
import io.sluice.server.functions.JarStore;
import io.sluice.server.functions.JarUsage;
import io.sluice.server.jobs.JobRepository;
import io.sluice.server.jobs.JobService;
import io.sluice.server.jobs.SavepointRepository;
import io.sluice.server.monitor.JobMetrics;
import io.sluice.server.monitor.JobMonitor;
import io.sluice.server.monitor.MetricRepository;
import io.sluice.server.preview.PreviewService;
import io.sluice.server.store.MetadataStore;
import io.sluice.server.studio.JobGraphs;
import io.sluice.server.topics.TopicService;
import io.sluice.sql.CheckpointMode;
import io.sluice.sql.JobSettings;
import io.sluice.sql.StateBackendKind;
import io.sluice.sql.SqlCompiler;
import io.sluice.sql.SqlPreviewer;

/**
 * One Sluice server: metadata store, catalog, jobs and the REST API, plus (by default) the embedded
 * Flink session cluster and Kafka broker it starts and supervises. Closing it stops everything it started.
 */
public final class SluiceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SluiceServer.class);
    private static final long RECONCILE_SECONDS = 10;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final SluiceConfig config;
    private Javalin http;
    private EmbeddedFlink embeddedFlink;
    private EmbeddedKafka embeddedKafka;
    private JobService jobs;

    private SluiceServer(SluiceConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    /** Starts every part and returns once the REST API answers; on failure stops what it started. */
    public static SluiceServer start(SluiceConfig config) {
        SluiceServer server = new SluiceServer(config);
        try {
            server.startParts();
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    public URI url() {
        return URI.create("http://" + config.server().host() + ":" + http.port());
    }

    public EmbeddedFlink embeddedFlink() {
        return embeddedFlink;
    }

    public EmbeddedKafka embeddedKafka() {
        return embeddedKafka;
    }

    private void startParts() {
        Path dataDir = config.dataPath();
        createDirectories(dataDir);
        MetadataStore store = config.database().embedded()
                ? MetadataStore.openEmbedded(dataDir)
                : MetadataStore.open(config.database().url(), config.database().username(), config.database().password());
        started.push(store);
        ConnectionService connections = new ConnectionService(store, SecretCipher.fromKeyFile(dataDir.resolve("secret.key")),
                Clock.systemUTC());

        // Kafka and Flink start side by side: each takes seconds and they do not depend on each other
        CompletableFuture<String> kafka = CompletableFuture.supplyAsync(this::startKafka);
        CompletableFuture<URI> flink = CompletableFuture.supplyAsync(this::startFlink);
        String bootstrapServers = kafka.join();
        URI flinkRest = flink.join();

        String kafkaConnection = config.kafka().connection();
        connections.registerManaged(kafkaConnection, ConnectionType.KAFKA, Map.of("bootstrap.servers", bootstrapServers));
        FlinkClient flinkClient = new FlinkClient(flinkRest);
        JarStore jars = new JarStore(dataDir.resolve("jars"));
        SqlCompiler compiler = new SqlCompiler(connections, platformOptions(flinkRest), jobDefaults(),
                Duration.ofMillis(config.jobs().minCheckpointIntervalMs()), jars);
        jobs = new JobService(new JobRepository(store), new SavepointRepository(store), compiler, new Deployer(compiler),
                flinkClient, new SavepointTaker(flinkClient),
                new CheckpointLocator(dataDir.resolve("flink").resolve("checkpoints")), Clock.systemUTC());
        MetricRepository metrics = new MetricRepository(store);
        RestApi api = new RestApi(connections, jobs, new TopicService(connections),
                new ClusterInfo(flinkClient, connections, kafkaConnection), new PreviewService(new SqlPreviewer(connections, jars)),
                new JobMetrics(metrics, Clock.systemUTC()), new JobGraphs(jobs, flinkClient), jars, new JarUsage(jobs),
                kafkaConnection);
        http = api.start(config.server().host(), config.server().port());
        started.push(http::stop);

        ScheduledExecutorService reconciler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sluice-reconciler");
            thread.setDaemon(true);
            return thread;
        });
        reconciler.scheduleWithFixedDelay(jobs::reconcile, 0, RECONCILE_SECONDS, TimeUnit.SECONDS);
        started.push(reconciler::shutdownNow);

        JobMonitor monitor = new JobMonitor(jobs, flinkClient, metrics,
                Duration.ofMinutes(config.monitor().retentionMinutes()), Clock.systemUTC());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sluice-monitor");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleWithFixedDelay(monitor::sampleAll, config.monitor().intervalMs(), config.monitor().intervalMs(),
                TimeUnit.MILLISECONDS);
        started.push(sampler::shutdownNow);
    }

    private String startKafka() {
        if (!config.embedded().kafka().enabled()) {
            String servers = config.kafka().bootstrapServers();
            if (servers == null || servers.isBlank()) {
                throw new IllegalArgumentException(
                        "embedded.kafka.enabled is false, so kafka.bootstrap-servers must name an existing Kafka cluster");
            }
            return servers;
        }
        SluiceConfig.EmbeddedKafka settings = config.embedded().kafka();
        embeddedKafka = new EmbeddedKafka(new EmbeddedKafkaSettings(config.dataPath(), settings.port(),
                settings.controllerPort(), ChildClasspath.ofCurrentJvm()));
        synchronized (started) {
            started.push(embeddedKafka);
        }
        embeddedKafka.start();
        return embeddedKafka.bootstrapServers();
    }

    private URI startFlink() {
        if (!config.embedded().flink().enabled()) {
            String restUrl = config.flink().restUrl();
            if (restUrl == null || restUrl.isBlank()) {
                throw new IllegalArgumentException(
                        "embedded.flink.enabled is false, so flink.rest-url must name an existing Flink session cluster");
            }
            return URI.create(restUrl);
        }
        SluiceConfig.EmbeddedFlink settings = config.embedded().flink();
        embeddedFlink = new EmbeddedFlink(new EmbeddedFlinkSettings(config.dataPath(), settings.restPort(),
                settings.taskmanagers(), settings.slots(), settings.jobmanagerMemory(), settings.taskmanagerMemory(),
                ChildClasspath.ofCurrentJvm(), config.flink().clusterOptions()));
        synchronized (started) {
            started.push(embeddedFlink);
        }
        embeddedFlink.start();
        return embeddedFlink.restUrl();
    }

    /** Flink options of every submission: where the cluster is, and checkpoints kept for recovery. */
    private Map<String, String> platformOptions(URI flinkRest) {
        Map<String, String> options = new HashMap<>(config.flink().jobOptions());
        options.put("execution.target", "remote");
        options.put("rest.address", flinkRest.getHost());
        options.put("rest.port", String.valueOf(flinkRest.getPort() < 0 ? 8081 : flinkRest.getPort()));
        if (config.jobs().sourceIdleTimeoutMs() > 0) {
            options.putIfAbsent("table.exec.source.idle-timeout", config.jobs().sourceIdleTimeoutMs() + " ms");
        }
        options.putIfAbsent("restart-strategy.type", config.jobs().restartStrategy());
        // kept on cancel and on cluster shutdown, so a job lost with its cluster resumes where it was
        options.put("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        String jars = config.flink().pipelineJars();
        if (jars != null && !jars.isBlank()) {
            options.put("pipeline.jars", jars);
        }
        return options;
    }

    private JobSettings jobDefaults() {
        SluiceConfig.Jobs jobsConfig = config.jobs();
        return new JobSettings(jobsConfig.parallelism(), jobsConfig.checkpointIntervalMs(), jobsConfig.bufferTimeoutMs(),
                CheckpointMode.parse(jobsConfig.checkpointMode()), jobsConfig.checkpointTimeoutMs(), jobsConfig.minPauseMs(),
                StateBackendKind.parse(jobsConfig.stateBackend()));
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the data dir " + dir, e);
        }
    }

    /** Stops the API, then the cluster parts, children included, in reverse order of start. */
    @Override
    public void close() {
        synchronized (started) {
            while (!started.isEmpty()) {
                AutoCloseable part = started.pop();
                try {
                    part.close();
                } catch (Exception e) {
                    LOG.warn("Stopping {} failed: {}", part, e.getMessage(), e);
                }
            }
        }
    }
}
