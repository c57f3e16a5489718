package io.sluice.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.sluice.server.testing.Poll;

/** The server's monitor samples running jobs into the store, and the API serves the samples as series. */
class MonitorIT {
    private final ApiClient api = SharedServer.client();

    @AfterEach
    void stopJobs() {
        api.stopAll();
    }

    @Test
    void aRunningJobsRatesWatermarksAndCheckpointsAreSampled() throws Exception {
        api.deploy("monitored", """
                CREATE TABLE clicks (event_time TIMESTAMP(3), user_name STRING, page_id INT,
                  WATERMARK FOR event_time AS event_time - INTERVAL '1' SECOND)
                  WITH ('connector' = 'clickstream', 'rate' = '50');
                CREATE TABLE per_user (user_name STRING, n BIGINT) WITH ('connector' = 'blackhole');
                INSERT INTO per_user SELECT user_name, COUNT(*) FROM clicks GROUP BY user_name;
                """);

        JsonNode metrics = Poll.until(Duration.ofSeconds(120), Duration.ofSeconds(1),
                () -> api.ok(api.get("/api/jobs/monitored/metrics?minutes=5")),
                answer -> answer.path("summary").path("recordsOutPerSecond").asDouble() > 0
                        && answer.path("summary").path("recordsInPerSecond").asDouble() > 0
                        && answer.path("summary").path("lastCheckpointAt").isTextual()
                        && metricsOf(answer).contains("watermark"));
        JsonNode summary = metrics.path("summary");
        assertTrue(summary.path("recordsInPerSecond").asDouble() > 0, summary + " " + lastValues(metrics));
        assertTrue(summary.path("recordsOutPerSecond").asDouble() > 0, summary.toString());
        assertTrue(summary.path("lastCheckpointAt").isTextual(), summary.toString());
        assertTrue(metricsOf(metrics).containsAll(Set.of("recordsInPerSecond", "recordsOutPerSecond", "backPressuredMsPerSecond",
                "busyMsPerSecond", "watermark", "checkpointDurationMs", "checkpointSizeBytes")), metricsOf(metrics).toString());
        for (JsonNode series : metrics.path("series")) {
            for (JsonNode point : series.path("points")) {
                assertEquals(2, point.size(), series.toString());
            }
        }

        JsonNode listed = null;
        for (JsonNode job : api.ok(api.get("/api/jobs"))) {
            if (job.path("name").asText().equals("monitored")) {
                listed = job;
            }
        }
        assertTrue(listed != null && listed.path("summary").path("recordsOutPerSecond").isNumber(), String.valueOf(listed));

        // source and sink in one task: its records count by what the source operator reads and the sink takes
        api.deploy("chained", """
                CREATE TABLE clicks (event_time TIMESTAMP(3), user_name STRING) WITH ('connector' = 'clickstream', 'rate' = '50');
                CREATE TABLE copies (event_time TIMESTAMP(3), user_name STRING) WITH ('connector' = 'blackhole');
                INSERT INTO copies SELECT * FROM clicks;
                """);
        JsonNode chained = Poll.until(Duration.ofSeconds(120), Duration.ofSeconds(1),
                () -> api.ok(api.get("/api/jobs/chained/metrics?minutes=5")).path("summary"),
                figures -> figures.path("recordsInPerSecond").asDouble() > 0 && figures.path("recordsOutPerSecond").asDouble() > 0);
        assertTrue(chained.path("recordsInPerSecond").asDouble() > 0 && chained.path("recordsOutPerSecond").asDouble() > 0,
                chained.toString());

        assertEquals(400, api.get("/api/jobs/monitored/metrics?minutes=0").status());
        assertEquals(404, api.get("/api/jobs/nobody/metrics").status());
        api.ok(api.post("/api/jobs/monitored/stop", Map.of("savepoint", false)));
        assertTrue(api.ok(api.get("/api/jobs/monitored/metrics")).path("series").size() > 0, "samples outlive the run");
    }

    private static String lastValues(JsonNode answer) {
        StringBuilder values = new StringBuilder();
        answer.path("series").forEach(series -> values.append(series.path("vertexName").asText()).append('.')
                .append(series.path("metric").asText()).append('=')
                .append(series.path("points").get(series.path("points").size() - 1).get(1)).append("; "));
        return values.toString();
    }

    private static Set<String> metricsOf(JsonNode answer) {
        Set<String> metrics = new HashSet<>();
        answer.path("series").forEach(series -> metrics.add(series.path("metric").asText()));
        return metrics;
    }
}
