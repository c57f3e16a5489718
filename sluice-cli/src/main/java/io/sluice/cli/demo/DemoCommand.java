package io.sluice.cli.demo;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.CliException;
import io.sluice.cli.Terminal;
import io.sluice.cli.client.RestClient;
import io.sluice.cli.client.ServerEndpoint;
import io.sluice.cli.client.ServerUnreachableException;
import io.sluice.cli.cluster.ClusterClient;
import io.sluice.cli.cluster.ClusterInfo;
import io.sluice.cli.jobs.Deployment;
import io.sluice.cli.jobs.JobDeployer;
import io.sluice.cli.jobs.JobsClient;
import io.sluice.cli.topics.KafkaConnectionOption;
import io.sluice.cli.topics.TopicsClient;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo",
        description = {"Run the Sluice demo: a generated click and ad feed and four jobs on it "
                + "(filter ETL, continuous GROUP BY, tumbling window, interval join).",
                "Starts a local server first unless one answers at the server address. Ctrl-C stops the demo jobs "
                        + "and the server the demo started."})
public final class DemoCommand implements Callable<Integer> {
    static final String TASK_MANAGERS_VARIABLE = "SLUICE_EMBEDDED_FLINK_TASKMANAGERS";
    // one TaskManager has 4 slots and the demo needs 5
    static final String DEMO_TASK_MANAGERS = "2";
    static final Duration STARTUP_DEADLINE = Duration.ofMinutes(3);
    private static final long POLL_MILLIS = 500;

    private final ServerEndpoint server;
    private final Terminal terminal;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "sluice-data",
            description = "Data directory of the server the demo starts (default: ./${DEFAULT-VALUE}).")
    private Path dataDirectory;

    public DemoCommand(ServerEndpoint server, Terminal terminal) {
        this.server = requireNonNull(server, "server is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    @Override
    public Integer call() throws InterruptedException {
        RestClient rest = server.client();
        ClusterClient cluster = new ClusterClient(rest);
        JobsClient jobs = new JobsClient(rest);
        DemoTeardown teardown = new DemoTeardown(jobs, terminal.out(), terminal.err());
        Thread hook = new Thread(teardown::run, "sluice-demo-teardown");
        Runtime.getRuntime().addShutdownHook(hook);
        LocalServer started;
        Map<String, Deployment> deployments;
        String dashboardUrl;
        try {
            started = serverAnswers(cluster) ? null : startServer(cluster, jobs, teardown);
            if (started == null) {
                checkSlots(cluster, jobs);
            }
            createTopics(rest);
            deployments = deployJobs(jobs);
            dashboardUrl = cluster.info().flink().dashboardUrl();
        } catch (RuntimeException e) {
            // clean up now rather than at exit, so that the error is the last thing printed
            teardown.run();
            Runtime.getRuntime().removeShutdownHook(hook);
            throw e;
        }
        new DemoGuide(launcherCommand(), serverOption()).lines(deployments, dashboardUrl, started != null)
                .forEach(terminal.out()::println);
        awaitInterrupt(started, teardown);
        return 0;
    }

    private static boolean serverAnswers(ClusterClient cluster) {
        try {
            cluster.checkHealth();
            return true;
        } catch (ServerUnreachableException e) {
            return false;
        }
    }

    private LocalServer startServer(ClusterClient cluster, JobsClient jobs, DemoTeardown teardown)
            throws InterruptedException {
        URI uri = server.uri();
        if (!isLoopback(uri.getHost())) {
            throw new CliException("no Sluice server at " + server.url() + "; the demo starts one only on this machine "
                    + "(e.g. --server " + ServerEndpoint.DEFAULT_URL + "), or start one there with `bin/sluice server`");
        }
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Path log = directory.resolve("demo-server.log");
        terminal.out().println("Starting a Sluice server at " + server.url() + " (data in " + directory + ", log in "
                + log + ")...");
        LocalServer started = LocalServer.start(launcher(), directory, port(uri),
                Map.of(TASK_MANAGERS_VARIABLE, DEMO_TASK_MANAGERS), log);
        teardown.stopAtEnd(started);
        long deadline = System.nanoTime() + STARTUP_DEADLINE.toNanos();
        awaitHealthy(cluster, started, deadline);
        awaitSlots(cluster, jobs, started, deadline);
        terminal.out().println("Server ready.");
        return started;
    }

    private void awaitHealthy(ClusterClient cluster, LocalServer started, long deadline) throws InterruptedException {
        CliException last = null;
        while (System.nanoTime() < deadline) {
            try {
                cluster.checkHealth();
                return;
            } catch (CliException e) {
                // not listening yet, or still starting: both expected until the deadline
                last = e;
            }
            sleepUnlessExited(started);
        }
        throw new CliException("the Sluice server did not answer at " + server.url() + " within "
                + STARTUP_DEADLINE.toMinutes() + " minutes" + (last == null ? "" : " (last: " + last.getMessage() + ")")
                + "; see its log at "
                + started.log());
    }

    /** TaskManagers register after the server answers; wait until enough slots are there. */
    private void awaitSlots(ClusterClient cluster, JobsClient jobs, LocalServer started, long deadline)
            throws InterruptedException {
        int available = 0;
        CliException last = null;
        while (System.nanoTime() < deadline) {
            try {
                available = availableSlots(cluster, jobs);
                if (available >= DemoJobs.SLOTS_NEEDED) {
                    return;
                }
            } catch (CliException e) {
                last = e;
            }
            sleepUnlessExited(started);
        }
        throw new CliException("the Flink cluster of the Sluice server started by the demo has " + available
                + " free task slots after " + STARTUP_DEADLINE.toMinutes() + " minutes; the demo needs "
                + DemoJobs.SLOTS_NEEDED + (last == null ? "" : " (last: " + last.getMessage() + ")")
                + "; see the server log at " + started.log());
    }

    private static void sleepUnlessExited(LocalServer started) throws InterruptedException {
        if (started.awaitExit(POLL_MILLIS)) {
            throw new CliException("the Sluice server exited with code " + started.exitCode()
                    + " while starting; see its log at " + started.log());
        }
    }

    private void checkSlots(ClusterClient cluster, JobsClient jobs) {
        int available = availableSlots(cluster, jobs);
        if (available < DemoJobs.SLOTS_NEEDED) {
            throw new CliException("the Flink cluster of the Sluice server at " + server.url() + " has " + available
                    + " free task slots; the demo needs " + DemoJobs.SLOTS_NEEDED
                    + " (a feed job and four jobs, one slot each). Stop other jobs (`bin/sluice jobs`, "
                    + "`bin/sluice stop NAME`) or restart the server with " + TASK_MANAGERS_VARIABLE + "="
                    + DEMO_TASK_MANAGERS);
        }
    }

    /** Free slots, counting those of demo jobs that still run: deploying the demo again replaces them. */
    private static int availableSlots(ClusterClient cluster, JobsClient jobs) {
        ClusterInfo info = cluster.info();
        Integer free = info.flink() == null ? null : info.flink().slotsAvailable();
        long reusable = jobs.list().stream().filter(job -> DemoJobs.isDemoJob(job.name()) && job.active()).count();
        return (free == null ? 0 : free) + (int) reusable;
    }

    private void createTopics(RestClient rest) {
        TopicsClient topics = new TopicsClient(rest, KafkaConnectionOption.DEFAULT_CONNECTION);
        for (String topic : DemoJobs.TOPICS) {
            boolean created = topics.createIfMissing(topic, 1);
            terminal.out().println((created ? "Created topic " : "Topic exists: ") + topic);
        }
    }

    private Map<String, Deployment> deployJobs(JobsClient jobs) {
        JobDeployer deployer = new JobDeployer(jobs);
        Instant now = Instant.now();
        Map<String, Deployment> deployments = new LinkedHashMap<>();
        for (DemoJob job : DemoJobs.all()) {
            Deployment deployment = deployer.deploy(job.name(), DemoJobs.script(job, now), DemoJobs.SETTINGS);
            if (deployment.status().failed()) {
                throw new CliException(deployment.failure());
            }
            terminal.out().println(deployment.summary());
            deployments.put(job.name(), deployment);
        }
        return deployments;
    }

    /** Blocks until Ctrl-C (the shutdown hook then tears down), or fails if the started server dies first. */
    private static void awaitInterrupt(LocalServer started, DemoTeardown teardown) throws InterruptedException {
        while (!teardown.begun()) {
            if (started == null) {
                Thread.sleep(1_000);
            } else if (started.awaitExit(1_000) && !teardown.begun()) {
                throw new CliException("the Sluice server exited with code " + started.exitCode()
                        + "; see its log at " + started.log());
            }
        }
    }

    private static Path launcher() {
        String home = System.getProperty("sluice.home");
        if (home == null) {
            throw new CliException("the demo starts its server with bin/sluice, but the system property sluice.home "
                    + "is not set; run `bin/sluice demo`, or start a server first with `bin/sluice server`");
        }
        return Path.of(home, "bin", "sluice");
    }

    /** How the guide spells the launcher: {@code bin/sluice} when run from the Sluice directory. */
    private static String launcherCommand() {
        String home = System.getProperty("sluice.home");
        if (home == null || Path.of(home).toAbsolutePath().normalize().equals(Path.of("").toAbsolutePath())) {
            return "bin/sluice";
        }
        return Path.of(home, "bin", "sluice").toString();
    }

    private String serverOption() {
        return server.url().equals(ServerEndpoint.DEFAULT_URL) ? "" : " --server " + server.url();
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
