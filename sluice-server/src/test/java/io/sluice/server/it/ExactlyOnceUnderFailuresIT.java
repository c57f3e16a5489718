package io.sluice.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.server.SluiceServer;

/**
 * End-to-end exactly-once under failures: a stateful job (event-time window + continuous aggregation)
 * writes through Kafka transactions while its TaskManager process is killed several times; the
 * committed output must equal the oracle exactly, with no loss and no duplicate.
 */
class ExactlyOnceUnderFailuresIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 6, 1, 8, 0);
    private static final int USERS = 5;

    private final ApiClient api = SharedServer.client();
    private final SluiceServer server = SharedServer.server();

    @AfterEach
    void stopJobs() {
        api.stopAll();
    }

    @Test
    void killedTaskManagersLoseNothingAndDuplicateNothing() throws Exception {
        api.createTopic("eo_in", 1);
        api.createTopic("eo_windows", 1);
        api.createTopic("eo_totals", 1);
        api.ok(api.post("/api/jobs", Map.of("name", "eo", "settings", Map.of("checkpointIntervalMs", 1000), "sql", """
                CREATE TABLE clicks (
                  ts TIMESTAMP(3), user_name STRING,
                  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
                ) WITH ('connector' = 'kafka', 'topic' = 'eo_in', 'connection' = 'local-kafka',
                        'properties.group.id' = 'eo', 'scan.startup.mode' = 'earliest-offset', 'format' = 'json');
                CREATE TABLE windows (user_name STRING, window_start STRING, clicks BIGINT) WITH (
                  'connector' = 'kafka', 'topic' = 'eo_windows', 'connection' = 'local-kafka', 'format' = 'json',
                  'sink.delivery-guarantee' = 'exactly-once');
                CREATE TABLE totals (user_name STRING, clicks BIGINT, PRIMARY KEY (user_name) NOT ENFORCED) WITH (
                  'connector' = 'upsert-kafka', 'topic' = 'eo_totals', 'connection' = 'local-kafka',
                  'key.format' = 'json', 'value.format' = 'json', 'sink.delivery-guarantee' = 'exactly-once');
                INSERT INTO windows
                SELECT user_name, DATE_FORMAT(window_start, 'yyyy-MM-dd HH:mm:ss'), COUNT(*)
                FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND))
                GROUP BY user_name, window_start, window_end;
                INSERT INTO totals SELECT user_name, COUNT(*) FROM clicks GROUP BY user_name;
                """)));
        api.ok(api.post("/api/jobs/eo/deploy", Map.of()));

        Random random = new Random(17);
        List<String[]> events = new ArrayList<>();
        int kills = 0;
        for (int batch = 0; batch < 6; batch++) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                int index = batch * 300 + i;
                String[] event = {SQL.format(T0.plusNanos(100_000_000L * index)), "u" + random.nextInt(USERS)};
                events.add(event);
                values.add(json(event));
            }
            api.produce("eo_in", values);
            if (batch % 2 == 1) {
                // right after a batch arrives, while the job is busy with it
                new TaskManagerKiller(api, server).killAndAwaitRecovery("eo");
                kills++;
            }
        }
        String[] closer = {SQL.format(T0.plusMinutes(10)), "closer"};
        events.add(closer);
        api.produce("eo_in", List.of(json(closer)));

        Map<String, Long> expectedWindows = new TreeMap<>();
        Map<String, Long> expectedTotals = new TreeMap<>();
        for (String[] event : events) {
            expectedTotals.merge(event[1], 1L, Long::sum);
            if (!event[1].equals("closer")) {
                LocalDateTime time = LocalDateTime.parse(event[0].replace(' ', 'T'));
                LocalDateTime start = time.withNano(0).withSecond(time.getSecond() / 10 * 10);
                expectedWindows.merge(event[1] + "@" + SECONDS.format(start), 1L, Long::sum);
            }
        }

        Map<String, Long> windows = new TreeMap<>();
        List<JsonNode> records = api.readAtLeast("eo_windows", expectedWindows.size(), Duration.ofMinutes(4));
        for (JsonNode record : records) {
            JsonNode row = JSON.readTree(record.path("value").asText());
            Long previous = windows.put(row.path("user_name").asText() + "@" + row.path("window_start").asText(),
                    row.path("clicks").asLong());
            assertEquals(null, previous, "a window was committed twice: " + row);
        }
        assertEquals(expectedWindows, windows);

        Map<String, Long> totals = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!totals.equals(expectedTotals) && System.nanoTime() < deadline) {
            for (JsonNode record : api.readAtLeast("eo_totals", 1, Duration.ofSeconds(3))) {
                totals.put(JSON.readTree(record.path("key").asText()).path("user_name").asText(),
                        JSON.readTree(record.path("value").asText()).path("clicks").asLong());
            }
        }
        assertEquals(expectedTotals, totals);

        JsonNode status = api.ok(api.get("/api/jobs/eo/status"));
        assertEquals("RUNNING", status.path("state").asText(), status.toString());
        assertTrue(status.path("restarts").asLong() >= 1, "Flink restarted the job after the kills: " + status);
        assertEquals(3, kills);
    }

    private static String json(String[] event) {
        return "{\"ts\":\"" + event[0] + "\",\"user_name\":\"" + event[1] + "\"}";
    }
}
