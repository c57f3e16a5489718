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
import java.nio.file.Path;
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
        DemoCapacity capacity = new DemoCapacity(cluster, jobs);
        DemoTeardown teardown = new DemoTeardown(jobs, terminal.out(), terminal.err());
        // Ctrl-C ends the JVM; the hook stops what the demo started
        Thread hook = new Thread(teardown::run, "sluice-demo-teardown");
        Runtime.getRuntime().addShutdownHook(hook);
        LocalServer started;
        Map<String, Deployment> deployments;
        ClusterInfo clusterInfo;
        try {
            if (serverAnswers(cluster)) {
                started = null;
                capacity.requireSlots(server.url());
            } else {
                started = new DemoServerStarter(server, dataDirectory, terminal.out())
                        .start(cluster, capacity, teardown::stopAtEnd);
            }
            createTopics(rest);
            teardown.jobsDeploying();
            deployments = deployJobs(jobs);
            clusterInfo = cluster.info();
        } catch (RuntimeException e) {
            // clean up now rather than at exit, so that the error is the last thing printed
            teardown.run();
            Runtime.getRuntime().removeShutdownHook(hook);
            throw e;
        }
        String dashboardUrl = clusterInfo.flink() == null ? null : clusterInfo.flink().dashboardUrl();
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
            Deployment deployment = deployer.deploy(job.name(), DemoJobs.script(job, now), DemoJobs.SETTINGS,
                    JobsClient.Restore.EMPTY_STATE);
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
}
