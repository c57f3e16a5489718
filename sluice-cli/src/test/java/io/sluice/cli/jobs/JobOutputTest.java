package io.sluice.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sluice.cli.client.ApiJson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobOutputTest {
    private static final JobStatus RUNNING = new JobStatus("clicks-etl", 2, "RUNNING", "a1b2c3",
            "http://127.0.0.1:8081/#/job/running/a1b2c3/overview", "2026-11-27T18:00:00Z", 0L, null);

    @Test
    void deploymentSummaryNamesVersionStateFlinkJobAndDashboard() {
        assertEquals("Deployed clicks-etl version 2: RUNNING, Flink job a1b2c3, "
                + "http://127.0.0.1:8081/#/job/running/a1b2c3/overview", new Deployment("clicks-etl", 2, RUNNING).summary());
    }

    @Test
    void deploymentSummaryLeavesOutWhatTheServerDidNotSay() {
        JobStatus deploying = new JobStatus("etl", 1, "DEPLOYING", null, null, null, null, "waiting for slots");
        assertEquals("Deployed etl version 1: DEPLOYING, waiting for slots", new Deployment("etl", 1, deploying).summary());
    }

    @Test
    void jobsTableHasOneRowPerJob() {
        JobStatus never = new JobStatus("new-job", null, "NOT_DEPLOYED", null, null, null, null, null);
        assertEquals(List.of(
                "NAME        VERSION  STATE         FLINK-JOB",
                "clicks-etl  2        RUNNING       a1b2c3",
                "new-job     -        NOT_DEPLOYED  -"), JobsCommand.table(List.of(RUNNING, never)).lines());
    }

    @Test
    void statusShowsEveryFieldIncludingDashboardAndMessage() {
        assertEquals(List.of(
                "Job:         clicks-etl",
                "Version:     2",
                "State:       RUNNING",
                "Flink job:   a1b2c3",
                "Dashboard:   http://127.0.0.1:8081/#/job/running/a1b2c3/overview",
                "Deployed at: 2026-11-27T18:00:00Z",
                "Restarts:    0",
                "Message:     -"), StatusCommand.lines(RUNNING));
    }

    @Test
    void unsetSettingsAreLeftToTheServer() throws JsonProcessingException {
        assertEquals("{\"parallelism\":2}", ApiJson.mapper().writeValueAsString(JobSettings.of(2, null, null)));
        assertEquals("{\"checkpointIntervalMs\":10000,\"bufferTimeoutMs\":0}",
                ApiJson.mapper().writeValueAsString(JobSettings.of(null, Duration.ofSeconds(10), Duration.ZERO)));
    }

    @Test
    void readsJobStatusWithFieldsThisVersionDoesNotKnow() throws JsonProcessingException {
        JobStatus status = ApiJson.mapper().readValue("""
                {"name":"etl","version":3,"latestVersion":4,"state":"RUNNING","desiredState":"RUNNING",
                 "flinkJobId":"f","dashboardUrl":"u","deployedAt":"2026-11-27T18:00:00Z","message":null}""", JobStatus.class);
        assertEquals(new JobStatus("etl", 3, "RUNNING", "f", "u", "2026-11-27T18:00:00Z", null, null), status);
    }
}
