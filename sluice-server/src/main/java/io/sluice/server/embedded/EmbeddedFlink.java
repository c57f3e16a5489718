package io.sluice.server.embedded;

import static io.sluice.server.embedded.LoopbackPorts.HOST;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Flink session cluster of child processes on loopback: one JobManager (with Flink's dashboard on the REST
 * port) and N TaskManagers, each restarted when it dies. Layout under the data directory:
 * {@code flink/conf/config.yaml}, {@code flink/checkpoints}, {@code flink/savepoints}, {@code flink/tmp},
 * {@code logs/flink-jobmanager.log}, {@code logs/flink-taskmanager-<i>.log} (stdout/stderr in {@code .out}).
 *
 * <p>The JobManager RPC port is chosen once per {@link #start()}, so a restarted TaskManager finds the same
 * JobManager, and TaskManagers reconnect by themselves to a restarted JobManager. Without Flink high availability a
 * restarted JobManager has forgotten its jobs; resubmitting them is the deployer's job.
 */
public final class EmbeddedFlink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFlink.class);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final String JOB_MANAGER = "flink-jobmanager";

    // what Flink's distribution sets for Java 17 (its config.yaml): Kryo and the RPC system reflect into the JDK
    private static final String JAVA_17_MODULE_FLAGS = String.join(" ",
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private final EmbeddedFlinkSettings settings;
    private final Path flinkDirectory;
    private final Path confDirectory;
    private final Path logDirectory;
    private final Path runDirectory;
    private final HttpClient http;
    private final ChildGroup children = new ChildGroup("Embedded Flink");
    private final AtomicBoolean startCalled = new AtomicBoolean();

    private volatile Cluster cluster;

    public EmbeddedFlink(EmbeddedFlinkSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.flinkDirectory = settings.dataDir().resolve("flink");
        this.confDirectory = flinkDirectory.resolve("conf");
        this.logDirectory = settings.dataDir().resolve("logs");
        this.runDirectory = settings.dataDir().resolve("run");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    /**
     * Writes the configuration, starts the JobManager and the TaskManagers, and returns once the REST API reports
     * all TaskManagers and their slots. On failure everything started is stopped again and the exception names the
     * log to read. Can be called once; {@link #close()} from another thread aborts it.
     */
    public void start() {
        if (!startCalled.compareAndSet(false, true)) {
            throw new IllegalStateException("Embedded Flink was already started");
        }
        long startNanos = System.nanoTime();
        try {
            createDirectories();
            LeftoverProcesses.stop(runDirectory, "flink-", logDirectory);
            Configuration config = writeConfiguration();
            int restPort = config.get(RestOptions.PORT);
            LoopbackPorts.requireFree(restPort, "the embedded Flink REST API", "Flink REST port");
            Cluster candidate = startProcesses(config, URI.create("http://" + HOST + ":" + restPort));
            FlinkOverview overview = awaitTaskManagers(candidate,
                    settings.taskManagers() * config.get(TaskManagerOptions.NUM_TASK_SLOTS));
            cluster = candidate;
            LOG.info("Embedded Flink {} is up at {} with {} TaskManager(s) and {} slots after {} ms; logs in {}",
                    overview.flinkVersion(), candidate.restUrl(), overview.taskManagers(), overview.slotsTotal(),
                    (System.nanoTime() - startNanos) / 1_000_000, logDirectory);
        }
        catch (RuntimeException | Error e) {
            children.close();
            throw e;
        }
    }

    /** Base URL of the REST API and of Flink's dashboard, e.g. {@code http://127.0.0.1:8081}. */
    public URI restUrl() {
        return cluster().restUrl();
    }

    public int restPort() {
        return cluster().restUrl().getPort();
    }

    /** The current JobManager process; a different pid after a restart. */
    public long jobManagerPid() {
        return cluster().jobManager().pid();
    }

    /** The current TaskManager processes, in the order of their log files {@code flink-taskmanager-<i>.log}. */
    public List<Long> taskManagerPids() {
        return cluster().taskManagers().stream().map(ChildProcess::pid).toList();
    }

    /** Where {@code flink-jobmanager.log} and {@code flink-taskmanager-<i>.log} are written. */
    public Path logDirectory() {
        return logDirectory;
    }

    /** Stops all Flink processes (TaskManagers and JobManager in parallel); returns once they are gone. */
    @Override
    public void close() {
        boolean first = children.close();
        Cluster current = cluster;
        if (first && current != null) {
            LOG.info("Embedded Flink at {} stopped", current.restUrl());
        }
    }

    private Cluster cluster() {
        Cluster current = cluster;
        if (current == null) {
            throw new IllegalStateException("Embedded Flink is not started");
        }
        return current;
    }

    private void createDirectories() {
        try {
            for (String name : List.of("conf", "checkpoints", "savepoints", "web-upload", "tmp", "plugins")) {
                Files.createDirectories(flinkDirectory.resolve(name));
            }
            Files.createDirectories(logDirectory);
            Files.createDirectories(runDirectory);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not create the embedded Flink directories under " + flinkDirectory, e);
        }
    }

    /** Writes config.yaml with a new free JobManager RPC port and returns what Flink will read from it. */
    private Configuration writeConfiguration() {
        int rpcPort = LoopbackPorts.findFree();
        FlinkConfigFile configFile = FlinkConfigFile.of(
                defaults(LoopbackPorts.resolve(settings.restPort()), rpcPort), settings.flinkOptions());
        configFile.writeTo(confDirectory);
        return configFile.toConfiguration();
    }

    private Cluster startProcesses(Configuration config, URI restUrl) {
        ChildLogConfig logConfig = ChildLogConfig.writeTo(confDirectory);
        // two short JVM runs: in parallel they cost the time of one
        CompletableFuture<FlinkProcessResources> jobManagerResources = CompletableFuture.supplyAsync(
                () -> FlinkProcessResources.compute(FlinkRole.JOB_MANAGER, settings.classpath(), confDirectory, logConfig,
                        logFile(JOB_MANAGER)));
        FlinkProcessResources taskManagerResources = FlinkProcessResources.compute(
                FlinkRole.TASK_MANAGER, settings.classpath(), confDirectory, logConfig, logFile(taskManagerName(0)));

        ChildProcess jobManager = new ChildProcess(spec(FlinkRole.JOB_MANAGER, JOB_MANAGER,
                join(jobManagerResources), config, logConfig));
        children.start(jobManager);
        List<ChildProcess> taskManagers = new ArrayList<>();
        for (int i = 0; i < settings.taskManagers(); i++) {
            ChildProcess taskManager = new ChildProcess(spec(FlinkRole.TASK_MANAGER, taskManagerName(i),
                    taskManagerResources, config, logConfig));
            children.start(taskManager);
            taskManagers.add(taskManager);
        }
        return new Cluster(restUrl, jobManager, List.copyOf(taskManagers));
    }

    private Map<ConfigOption<?>, String> defaults(int restPort, int rpcPort) {
        Map<ConfigOption<?>, String> defaults = new LinkedHashMap<>();
        defaults.put(JobManagerOptions.ADDRESS, HOST);
        defaults.put(JobManagerOptions.BIND_HOST, HOST);
        defaults.put(JobManagerOptions.PORT, Integer.toString(rpcPort));
        defaults.put(RestOptions.ADDRESS, HOST);
        defaults.put(RestOptions.BIND_ADDRESS, HOST);
        defaults.put(RestOptions.PORT, Integer.toString(restPort));
        defaults.put(TaskManagerOptions.HOST, HOST);
        defaults.put(TaskManagerOptions.BIND_HOST, HOST);
        defaults.put(TaskManagerOptions.NUM_TASK_SLOTS, Integer.toString(settings.slotsPerTaskManager()));
        defaults.put(JobManagerOptions.TOTAL_PROCESS_MEMORY, settings.jobManagerMemory());
        defaults.put(TaskManagerOptions.TOTAL_PROCESS_MEMORY, settings.taskManagerMemory());
        defaults.put(CheckpointingOptions.CHECKPOINTS_DIRECTORY, flinkDirectory.resolve("checkpoints").toUri().toString());
        defaults.put(CheckpointingOptions.SAVEPOINT_DIRECTORY, flinkDirectory.resolve("savepoints").toUri().toString());
        defaults.put(WebOptions.UPLOAD_DIR, flinkDirectory.resolve("web-upload").toString());
        defaults.put(CoreOptions.TMP_DIRS, flinkDirectory.resolve("tmp").toString());
        // the "default" JVM options, so that a user's env.java.opts.all adds to them instead of replacing them
        defaults.put(CoreOptions.FLINK_DEFAULT_JVM_OPTIONS, JAVA_17_MODULE_FLAGS);
        return defaults;
    }

    private ChildProcessSpec spec(FlinkRole role, String name, FlinkProcessResources resources, Configuration config,
            ChildLogConfig logConfig) {
        Path logFile = logFile(name);
        // the order of Flink's start scripts: memory flags, then env.java.(default-)opts.all, then the role's own
        List<String> jvmFlags = new ArrayList<>(resources.jvmFlags());
        Stream.of(CoreOptions.FLINK_DEFAULT_JVM_OPTIONS, CoreOptions.FLINK_JVM_OPTIONS, role.defaultJvmOptions(), role.jvmOptions())
                .map(config::get)
                .forEach(options -> jvmFlags.addAll(JavaCommand.splitFlags(options)));
        jvmFlags.addAll(logConfig.jvmFlags(logFile));
        List<String> arguments = new ArrayList<>(List.of("--configDir", confDirectory.toString()));
        arguments.addAll(resources.dynamicProperties());
        if (role == FlinkRole.TASK_MANAGER) {
            // a stable id per TaskManager: its restart replaces the dead registration at once (no ghost TaskManager
            // with phantom slots until the heartbeat times out) and finds its working directory for local recovery
            arguments.add("-D");
            arguments.add(TaskManagerOptions.TASK_MANAGER_RESOURCE_ID.key() + "=" + name);
        }
        return new ChildProcessSpec(
                name,
                new JavaCommand(jvmFlags, settings.classpath(), role.mainClass(), arguments),
                Map.of("FLINK_CONF_DIR", confDirectory.toString(),
                        "FLINK_PLUGINS_DIR", flinkDirectory.resolve("plugins").toString()),
                flinkDirectory,
                logFile,
                logDirectory.resolve(name + ".out"),
                runDirectory.resolve(name + ".pid"),
                STOP_TIMEOUT);
    }

    private static String taskManagerName(int index) {
        return "flink-taskmanager-" + index;
    }

    private Path logFile(String processName) {
        return logDirectory.resolve(processName + ".log");
    }

    private FlinkOverview awaitTaskManagers(Cluster candidate, int expectedSlots) {
        int expected = settings.taskManagers();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String lastAnswer = "no answer yet";
        while (true) {
            children.checkOpen();
            for (ChildProcess child : candidate.children()) {
                if (child.unexpectedExits() > 0) {
                    throw new EmbeddedProcessException(child.name() + " exited with code " + child.lastExitCode().orElse(-1)
                            + " while Flink was starting; read " + child.logFile() + " and " + child.outFile());
                }
            }
            try {
                FlinkOverview overview = FlinkOverview.fetch(http, candidate.restUrl());
                // a TaskManager shows up before its slots do; jobs need the slots
                if (overview.taskManagers() >= expected && overview.slotsTotal() >= expectedSlots) {
                    return overview;
                }
                lastAnswer = overview.taskManagers() + " of " + expected + " TaskManagers with " + overview.slotsTotal()
                        + " of " + expectedSlots + " slots registered";
            }
            catch (IOException e) {
                lastAnswer = e.toString();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedProcessException("Interrupted while waiting for embedded Flink at " + candidate.restUrl(), e);
            }
            if (System.nanoTime() > deadline) {
                throw new EmbeddedProcessException("Embedded Flink did not report " + expected + " TaskManager(s) at "
                        + candidate.restUrl() + "/overview within " + START_TIMEOUT.toSeconds() + " s (last answer: "
                        + lastAnswer + "); read " + candidate.children().stream()
                                .map(child -> child.logFile().toString())
                                .collect(Collectors.joining(" and ")));
            }
            sleep(candidate);
        }
    }

    private static void sleep(Cluster candidate) {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedProcessException("Interrupted while waiting for embedded Flink at " + candidate.restUrl(), e);
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private record Cluster(URI restUrl, ChildProcess jobManager, List<ChildProcess> taskManagers) {
        List<ChildProcess> children() {
            List<ChildProcess> children = new ArrayList<>(taskManagers);
            children.add(jobManager);
            return children;
        }
    }
}
