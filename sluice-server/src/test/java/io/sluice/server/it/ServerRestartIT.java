package io.sluice.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.server.SluiceServer;
import io.sluice.server.deploy.CheckpointLocator;
import io.sluice.server.testing.Poll;

/**
 * A second start on the same data dir finds its jobs and brings them back from their last checkpoint;
 * stopping the server leaves no child process behind.
 */
class ServerRestartIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void restartFindsDeployedJobAndContinuesItsCounts() throws Exception {
        Path dataDir = SharedServer.newDataDir("sluice-restart-it");
        List<Long> children = new ArrayList<>();
        String firstFlinkJob;
        SluiceServer first = SharedServer.start(dataDir);
        try {
            children.add(first.embeddedFlink().jobManagerPid());
            children.addAll(first.embeddedFlink().taskManagerPids());
            children.add(first.embeddedKafka().pid());
            ApiClient api = new ApiClient(first.url());
            api.createTopic("restart_in", 1);
            api.createTopic("restart_out", 1);
            api.produce("restart_in", values(0, 30));
            firstFlinkJob = api.deploy("counts", """
                    CREATE TABLE clicks (user_name STRING) WITH (
                      'connector' = 'kafka', 'topic' = 'restart_in', 'connection' = 'local-kafka',
                      'properties.group.id' = 'counts', 'scan.startup.mode' = 'earliest-offset', 'format' = 'json');
                    CREATE TABLE counts (user_name STRING, n BIGINT, PRIMARY KEY (user_name) NOT ENFORCED) WITH (
                      'connector' = 'upsert-kafka', 'topic' = 'restart_out', 'connection' = 'local-kafka',
                      'key.format' = 'json', 'value.format' = 'json');
                    INSERT INTO counts SELECT user_name, COUNT(*) FROM clicks GROUP BY user_name;
                    """).path("flinkJobId").asText();
            assertEquals(Map.of("u0", 10L, "u1", 10L, "u2", 10L), awaitTable(api, Map.of("u0", 10L, "u1", 10L, "u2", 10L)));
            CheckpointLocator checkpoints = new CheckpointLocator(dataDir.resolve("flink").resolve("checkpoints"));
            String flinkJob = firstFlinkJob;
            assertTrue(Poll.until(Duration.ofSeconds(60), Duration.ofMillis(200), () -> checkpoints.latest(flinkJob),
                    Optional::isPresent).isPresent(), "a checkpoint completed");
            assertTrue(Poll.until(Duration.ofSeconds(60), Duration.ofMillis(500),
                    () -> api.ok(api.get("/api/jobs/counts/metrics")).path("series").size(), size -> size > 0) > 0,
                    "the monitor sampled the job");
        } finally {
            first.close();
        }
        for (long pid : children) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "child " + pid + " stopped");
        }

        try (SluiceServer second = SharedServer.start(dataDir)) {
            ApiClient api = new ApiClient(second.url());
            JsonNode jobs = api.ok(api.get("/api/jobs"));
            assertEquals("counts", jobs.get(0).path("name").asText());
            String lostFlinkJob = firstFlinkJob;
            JsonNode status = Poll.until(Duration.ofSeconds(90), Duration.ofMillis(500),
                    () -> api.ok(api.get("/api/jobs/counts/status")),
                    s -> s.path("state").asText().equals("RUNNING") && !s.path("flinkJobId").asText().equals(lostFlinkJob));
            assertEquals("RUNNING", status.path("state").asText(), status.toString());
            assertNotEquals(firstFlinkJob, status.path("flinkJobId").asText());
            assertTrue(api.ok(api.get("/api/jobs/counts/metrics")).path("series").size() > 0,
                    "samples taken before the restart are still there");
            api.produce("restart_in", values(30, 60));
            Map<String, Long> expected = Map.of("u0", 20L, "u1", 20L, "u2", 20L);
            assertEquals(expected, awaitTable(api, expected));
            api.ok(api.post("/api/jobs/counts/stop", Map.of()));
        }
    }

    private static List<String> values(int from, int to) {
        List<String> values = new ArrayList<>();
        for (int i = from; i < to; i++) {
            values.add("{\"user_name\":\"u" + (i % 3) + "\"}");
        }
        return values;
    }

    private static Map<String, Long> awaitTable(ApiClient api, Map<String, Long> expected) throws Exception {
        Map<String, Long> table = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!table.equals(expected) && System.nanoTime() < deadline) {
            for (JsonNode record : api.readAtLeast("restart_out", 1, Duration.ofSeconds(3))) {
                table.put(JSON.readTree(record.path("key").asText()).path("user_name").asText(),
                        JSON.readTree(record.path("value").asText()).path("n").asLong());
            }
        }
        return table;
    }
}
