package io.sluice.cli.demo;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.CliException;
import io.sluice.cli.jobs.JobStatus;
import io.sluice.cli.jobs.JobsClient;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Ends the demo once, whether on Ctrl-C (from a shutdown hook) or after a failure: stops the demo
 * jobs that run, then the server if the demo started it.
 */
public final class DemoTeardown {
    private final JobsClient jobs;
    private final PrintWriter out;
    private final PrintWriter err;
    private LocalServer startedServer;
    private boolean jobsDeploying;
    private boolean begun;

    public DemoTeardown(JobsClient jobs, PrintWriter out, PrintWriter err) {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
    }

    /** The server to stop at the end, because the demo started it. */
    public synchronized void stopAtEnd(LocalServer server) {
        this.startedServer = server;
    }

    /** From now on the demo jobs may run, so the end must stop them. */
    public synchronized void jobsDeploying() {
        this.jobsDeploying = true;
    }

    public synchronized boolean begun() {
        return begun;
    }

    public synchronized void run() {
        if (begun) {
            return;
        }
        begun = true;
        if (!jobsDeploying && (startedServer == null || !startedServer.isAlive())) {
            return;
        }
        out.println();
        out.println("Stopping the demo...");
        if (jobsDeploying) {
            stopDemoJobs();
        }
        if (startedServer != null) {
            startedServer.stop(out);
        }
        out.flush();
        err.flush();
    }

    private void stopDemoJobs() {
        Map<String, JobStatus> statuses;
        try {
            statuses = jobs.list().stream().collect(Collectors.toMap(JobStatus::name, Function.identity(), (a, b) -> b));
        } catch (CliException e) {
            err.println("could not stop the demo jobs: " + e.getMessage());
            return;
        }
        // the feed first, so that the other jobs stop on a quiet input
        List<DemoJob> demoJobs = DemoJobs.all();
        for (DemoJob job : demoJobs) {
            JobStatus status = statuses.get(job.name());
            if (status != null && status.active()) {
                stop(job.name());
            }
        }
    }

    private void stop(String name) {
        try {
            // the demo starts from empty state each time, so its savepoints would only take time
            JobStatus status = jobs.stop(name, false);
            out.println("Stopped " + name + ": " + status.state());
        } catch (CliException e) {
            err.println("could not stop " + name + ": " + e.getMessage());
        }
    }
}
