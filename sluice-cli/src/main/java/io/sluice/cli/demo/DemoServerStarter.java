package io.sluice.cli.demo;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.CliException;
import io.sluice.cli.client.ServerEndpoint;
import io.sluice.cli.cluster.ClusterClient;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts a local server for the demo with {@code bin/sluice server} and waits until it answers and
 * its TaskManagers offer a slot per demo job.
 */
final class DemoServerStarter {
    static final Duration STARTUP_DEADLINE = Duration.ofMinutes(3);
    private static final long POLL_MILLIS = 500;

    private final ServerEndpoint server;
    private final Path dataDirectory;
    private final PrintWriter out;

    DemoServerStarter(ServerEndpoint server, Path dataDirectory, PrintWriter out) {
        this.server = requireNonNull(server, "server is null");
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
        this.out = requireNonNull(out, "out is null");
    }

    /**
     * @param onStarted told of the process as soon as it runs, so that a failure while waiting can stop it
     */
    LocalServer start(ClusterClient cluster, DemoCapacity capacity, Consumer<LocalServer> onStarted)
            throws InterruptedException {
        URI uri = server.uri();
        if (!isLoopback(uri.getHost())) {
            throw new CliException("no Sluice server at " + server.url() + "; the demo starts one only on this machine "
                    + "(e.g. --server " + ServerEndpoint.DEFAULT_URL + "), or start one there with `bin/sluice server`");
        }
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Path log = directory.resolve("demo-server.log");
        out.println("Starting a Sluice server at " + server.url() + " (data in " + directory + ", log in " + log + ")...");
        LocalServer started = LocalServer.start(launcher(), directory, port(uri),
                Map.of(DemoCapacity.TASK_MANAGERS_VARIABLE, DemoCapacity.DEMO_TASK_MANAGERS), log);
        onStarted.accept(started);
        long deadline = System.nanoTime() + STARTUP_DEADLINE.toNanos();
        awaitHealthy(cluster, started, deadline);
        awaitSlots(capacity, started, deadline);
        out.println("Server ready.");
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
                + "; see its log at " + started.log());
    }

    /** TaskManagers register after the server answers; wait until enough slots are there. */
    private static void awaitSlots(DemoCapacity capacity, LocalServer started, long deadline) throws InterruptedException {
        int available = 0;
        CliException last = null;
        while (System.nanoTime() < deadline) {
            try {
                available = capacity.availableSlots();
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

    private static Path launcher() {
        String home = System.getProperty("sluice.home");
        if (home == null) {
            throw new CliException("the demo starts its server with bin/sluice, but the system property sluice.home "
                    + "is not set; run `bin/sluice demo`, or start a server first with `bin/sluice server`");
        }
        return Path.of(home, "bin", "sluice");
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
