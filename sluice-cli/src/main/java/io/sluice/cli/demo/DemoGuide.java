package io.sluice.cli.demo;

import io.sluice.cli.jobs.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The text printed once the demo runs: the jobs and their dashboards, and how to watch each output. */
public final class DemoGuide {
    private final String launcher;
    private final String serverOption;

    /**
     * @param launcher how the user runs sluice, e.g. {@code bin/sluice}
     * @param serverOption {@code --server URL} when the server is not the default one, else empty
     */
    public DemoGuide(String launcher, String serverOption) {
        this.launcher = launcher;
        this.serverOption = serverOption;
    }

    public List<String> lines(Map<String, Deployment> deployments, String flinkDashboardUrl, boolean serverStarted) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("The Sluice demo is running.");
        lines.add("");
        lines.add("Jobs:");
        for (DemoJob job : DemoJobs.all()) {
            Deployment deployment = deployments.get(job.name());
            lines.add(String.format("  %-32s %s", job.name(), job.description()));
            if (deployment != null && deployment.status().dashboardUrl() != null) {
                lines.add(String.format("  %-32s %s", "", deployment.status().dashboardUrl()));
            }
        }
        lines.add("");
        lines.add("Flink dashboard: " + (flinkDashboardUrl == null ? "-" : flinkDashboardUrl));
        lines.add("");
        lines.add("Watch the outputs (from another terminal):");
        for (DemoJob job : DemoJobs.JOBS) {
            lines.add("  " + launcher + " topic consume " + job.outputTopic() + " --from-beginning --max 10" + serverOption);
        }
        lines.add("Add --keys to see the record keys (the user of each count in demo_pageviews_per_user).");
        lines.add("");
        lines.add("Press Ctrl-C to stop the demo jobs" + (serverStarted ? " and the server." : "."));
        return lines;
    }
}
