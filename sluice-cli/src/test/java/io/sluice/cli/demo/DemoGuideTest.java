package io.sluice.cli.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.cli.jobs.Deployment;
import io.sluice.cli.jobs.JobStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoGuideTest {

    @Test
    void namesEveryJobWithItsDashboardAndHowToWatchEachOutput() {
        Map<String, Deployment> deployments = new LinkedHashMap<>();
        for (DemoJob job : DemoJobs.all()) {
            deployments.put(job.name(), new Deployment(job.name(), 1, new JobStatus(job.name(), 1, "RUNNING",
                    "id-" + job.name(), "http://127.0.0.1:8081/#/job/running/id-" + job.name() + "/overview", null, null, null)));
        }
        List<String> lines = new DemoGuide("bin/sluice", "").lines(deployments, "http://127.0.0.1:8081/", true);

        for (DemoJob job : DemoJobs.all()) {
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("  " + job.name() + " ")), job.name());
            assertTrue(lines.stream().anyMatch(line -> line.endsWith("/#/job/running/id-" + job.name() + "/overview")), job.name());
        }
        for (String topic : List.of("demo_clicks_8212", "demo_pageviews_per_user", "demo_pageviews_per_page_minute",
                "demo_ad_attribution")) {
            assertTrue(lines.contains("  bin/sluice topic consume " + topic + " --from-beginning --max 10"), topic + "\n" + lines);
        }
        assertTrue(lines.contains("Flink dashboard: http://127.0.0.1:8081/"), lines.toString());
        assertTrue(lines.contains("Press Ctrl-C to stop the demo jobs and the server."), lines.toString());
    }

    @Test
    void commandsNameANonDefaultServer() {
        List<String> lines = new DemoGuide("/opt/sluice/bin/sluice", " --server http://127.0.0.1:9000")
                .lines(Map.of(), null, false);
        assertTrue(lines.contains("  /opt/sluice/bin/sluice topic consume demo_ad_attribution --from-beginning --max 10"
                + " --server http://127.0.0.1:9000"), lines.toString());
        assertTrue(lines.contains("Press Ctrl-C to stop the demo jobs."), lines.toString());
    }
}
