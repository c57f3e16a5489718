package io.sluice.cli.demo;

import static java.util.Objects.requireNonNull;

import io.sluice.cli.CliException;
import io.sluice.cli.cluster.ClusterClient;
import io.sluice.cli.cluster.ClusterInfo;
import io.sluice.cli.jobs.JobsClient;

/** Whether the Flink cluster has a task slot for each demo job. */
final class DemoCapacity {
    static final String TASK_MANAGERS_VARIABLE = "SLUICE_EMBEDDED_FLINK_TASKMANAGERS";
    // one TaskManager has 4 slots and the demo needs 5
    static final String DEMO_TASK_MANAGERS = "2";

    private final ClusterClient cluster;
    private final JobsClient jobs;

    DemoCapacity(ClusterClient cluster, JobsClient jobs) {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.jobs = requireNonNull(jobs, "jobs is null");
    }

    /** Free slots, counting those of demo jobs that still run: deploying the demo again replaces them. */
    int availableSlots() {
        ClusterInfo info = cluster.info();
        Integer free = info.flink() == null ? null : info.flink().slotsAvailable();
        long reusable = jobs.list().stream().filter(job -> DemoJobs.isDemoJob(job.name()) && job.active()).count();
        return (free == null ? 0 : free) + (int) reusable;
    }

    void requireSlots(String serverUrl) {
        int available = availableSlots();
        if (available < DemoJobs.SLOTS_NEEDED) {
            throw new CliException("the Flink cluster of the Sluice server at " + serverUrl + " has " + available
                    + " free task slots; the demo needs " + DemoJobs.SLOTS_NEEDED
                    + " (a feed job and four jobs, one slot each). Stop other jobs (`bin/sluice jobs`, "
                    + "`bin/sluice stop NAME`) or restart the server with " + TASK_MANAGERS_VARIABLE + "="
                    + DEMO_TASK_MANAGERS);
        }
    }
}
