package io.sluice.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Savepoints as versions of a job's state: stop takes one, a changed new version resumes from it and
 * its counts continue, an older one can be restored, and a version that cannot use a savepoint is refused
 * with the reason.
 */
class SavepointLifecycleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ApiClient api = SharedServer.client();

    private static final String VERSION_1 = """
            CREATE TABLE clicks (user_name STRING) WITH (
              'connector' = 'kafka', 'topic' = 'sp_in', 'connection' = 'local-kafka',
              'properties.group.id' = 'sp-counts', 'format' = 'json', 'scan.startup.mode' = 'earliest-offset');
            CREATE TABLE counts (user_name STRING, n BIGINT, PRIMARY KEY (user_name) NOT ENFORCED) WITH (
              'connector' = 'upsert-kafka', 'topic' = 'sp_out', 'connection' = 'local-kafka',
              'key.format' = 'json', 'value.format' = 'json');
            INSERT INTO counts SELECT user_name, COUNT(*) FROM clicks GROUP BY user_name;
            """;

    /**
     * Version 2 changes the query but not what its aggregation stores: a new source column, a filter and
     * an output column. It would start reading at offset 30 if it started fresh, so a restore shows in
     * its counts.
     */
    private static final String VERSION_2 = """
            CREATE TABLE clicks (user_name STRING, page INT) WITH (
              'connector' = 'kafka', 'topic' = 'sp_in', 'connection' = 'local-kafka',
              'properties.group.id' = 'sp-counts', 'format' = 'json',
              'scan.startup.mode' = 'specific-offsets', 'scan.startup.specific-offsets' = 'partition:0,offset:30');
            CREATE TABLE counts (user_name STRING, n BIGINT, label STRING, PRIMARY KEY (user_name) NOT ENFORCED) WITH (
              'connector' = 'upsert-kafka', 'topic' = 'sp_out', 'connection' = 'local-kafka',
              'key.format' = 'json', 'value.format' = 'json');
            INSERT INTO counts
              SELECT user_name, COUNT(*), CONCAT('user ', user_name) FROM clicks WHERE user_name <> 'bot' GROUP BY user_name;
            """;

    @AfterEach
    void stopJobs() {
        api.stopAll();
    }

    @Test
    void stopWithSavepointThenNewVersionAndOlderSavepointContinueTheCounts() throws Exception {
        api.createTopic("sp_in", 1);
        api.createTopic("sp_out", 1);
        api.produce("sp_in", clicks(30));
        api.deploy("sp-counts", VERSION_1);
        awaitLatest(0, Map.of("u0", 10L, "u1", 10L, "u2", 10L));

        JsonNode stopped = api.ok(api.post("/api/jobs/sp-counts/stop", Map.of()));
        assertEquals("STOPPED", stopped.path("state").asText(), stopped.toString());
        JsonNode afterStop = api.ok(api.get("/api/jobs/sp-counts/savepoints"));
        assertEquals(1, afterStop.size(), afterStop.toString());
        assertEquals("STOP", afterStop.get(0).path("trigger").asText());
        assertEquals(1, afterStop.get(0).path("version").asInt());
        assertTrue(afterStop.get(0).path("sizeBytes").asLong() > 0, afterStop.toString());
        long stopSavepoint = afterStop.get(0).path("id").asLong();

        // while it is stopped, more clicks arrive, some from a bot; the changed version 2 resumes from the
        // savepoint: its offsets and counts
        List<String> more = new ArrayList<>(clicks(30));
        more.addAll(List.of("{\"user_name\":\"bot\"}", "{\"user_name\":\"bot\"}"));
        api.produce("sp_in", more);
        int mark = outputSize();
        api.ok(api.post("/api/jobs/sp-counts/versions",
                Map.of("sql", VERSION_2, "settings", Map.of("checkpointIntervalMs", 2000))));
        JsonNode v2 = api.ok(api.post("/api/jobs/sp-counts/deploy", Map.of()));
        assertEquals(2, v2.path("version").asInt(), v2.toString());
        Map<String, List<Long>> resumed = awaitLatest(mark, Map.of("u0", 20L, "u1", 20L, "u2", 20L));
        // the first update after the restore continues from 10 (11, or more when the profile's mini-batch folds updates)
        resumed.forEach((user, counts) -> assertTrue(counts.get(0) > 10L, user + " continued from 10: " + counts));
        assertEquals(Set.of("user u0", "user u1", "user u2"), labelsFrom(mark), "the new column is written");

        // a manual savepoint while running, then back to the older one: counts continue from that point
        JsonNode manual = api.ok(api.post("/api/jobs/sp-counts/savepoints", Map.of()));
        assertEquals("MANUAL", manual.path("trigger").asText());
        assertEquals(2, manual.path("version").asInt());
        assertEquals(manual.path("id").asLong(), api.ok(api.get("/api/jobs/sp-counts/savepoints")).get(0).path("id").asLong(),
                "newest first");
        mark = outputSize();
        api.ok(api.post("/api/jobs/sp-counts/restart", Map.of("fromSavepoint", String.valueOf(stopSavepoint))));
        Map<String, List<Long>> rewound = awaitLatest(mark, Map.of("u0", 20L, "u1", 20L, "u2", 20L));
        rewound.forEach((user, counts) -> assertTrue(counts.get(0) > 10L, user + " continued from 10 again: " + counts));
    }

    @Test
    void versionThatCannotUseTheSavepointIsRefusedWithTheReason() {
        api.createTopic("spx_in", 1);
        api.createTopic("spx_out", 1);
        String source = """
                CREATE TABLE clicks (user_name STRING, page INT) WITH (
                  'connector' = 'kafka', 'topic' = 'spx_in', 'connection' = 'local-kafka',
                  'properties.group.id' = 'spx', 'scan.startup.mode' = 'earliest-offset', 'format' = 'json');
                CREATE TABLE counts (k STRING, n BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH (
                  'connector' = 'upsert-kafka', 'topic' = 'spx_out', 'connection' = 'local-kafka',
                  'key.format' = 'json', 'value.format' = 'json');
                """;
        api.deploy("spx", source + "INSERT INTO counts SELECT user_name, COUNT(*) FROM clicks GROUP BY user_name;");
        api.ok(api.post("/api/jobs/spx/stop", Map.of()));
        // a deduplication before the aggregation is a new stateful operator in a new place
        api.ok(api.post("/api/jobs/spx/versions", Map.of("sql", source + """
                INSERT INTO counts SELECT user_name, COUNT(DISTINCT page) FROM clicks GROUP BY user_name;
                INSERT INTO counts SELECT CAST(page AS STRING), COUNT(*) FROM clicks GROUP BY page;
                """)));
        ApiClient.Answer refused = api.post("/api/jobs/spx/deploy", Map.of());
        assertEquals(409, refused.status(), refused.body().toString());
        String error = refused.body().path("error").asText();
        assertTrue(error.contains("not state-compatible") && error.contains("--allow-non-restored-state"), error);

        JsonNode fresh = api.ok(api.post("/api/jobs/spx/deploy", Map.of("fromSavepoint", "none")));
        assertEquals(2, fresh.path("version").asInt(), fresh.toString());
    }

    private static List<String> clicks(int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add("{\"user_name\":\"u" + (i % 3) + "\"}");
        }
        return values;
    }

    private Set<String> labelsFrom(int from) throws Exception {
        Set<String> labels = new TreeSet<>();
        List<JsonNode> records = api.readAtLeast("sp_out", from + 1, Duration.ofSeconds(3));
        for (JsonNode record : records.subList(from, records.size())) {
            labels.add(JSON.readTree(record.path("value").asText()).path("label").asText());
        }
        return labels;
    }

    private int outputSize() {
        return api.readAtLeast("sp_out", 0, Duration.ofSeconds(1)).size();
    }

    /**
     * Reads the upsert output from record {@code from} on until every user's latest count is as expected;
     * returns each user's counts in that stretch, in order.
     */
    private Map<String, List<Long>> awaitLatest(int from, Map<String, Long> expected) throws Exception {
        Map<String, Long> latest = new TreeMap<>();
        Map<String, List<Long>> seen = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!latest.equals(expected) && System.nanoTime() < deadline) {
            latest.clear();
            seen.clear();
            List<JsonNode> records = api.readAtLeast("sp_out", from + 1, Duration.ofSeconds(3));
            for (JsonNode record : records.subList(Math.min(from, records.size()), records.size())) {
                String user = JSON.readTree(record.path("key").asText()).path("user_name").asText();
                long n = JSON.readTree(record.path("value").asText()).path("n").asLong();
                latest.put(user, n);
                seen.computeIfAbsent(user, u -> new ArrayList<>()).add(n);
            }
        }
        assertEquals(expected, latest);
        return seen;
    }
}
