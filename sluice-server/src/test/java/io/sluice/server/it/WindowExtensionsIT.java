package io.sluice.server.it;

import static io.sluice.server.it.DemoJobShapesIT.clicksSource;
import static io.sluice.server.it.DemoJobShapesIT.json;
import static io.sluice.server.it.DemoJobShapesIT.orderedClicks;
import static io.sluice.server.it.DemoJobShapesIT.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.server.testing.Poll;

/**
 * Sluice's window extensions on a real cluster and Kafka: a single-partition topic of out-of-order and
 * late clicks, fed in phases so that the watermark each late row meets is known; the sinks' contents
 * are compared with oracles computed here from the same events.
 */
class WindowExtensionsIT {
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 1, 1, 0, 0);
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient api = SharedServer.client();

    @AfterEach
    void stopJobs() {
        api.stopAll();
    }

    @Test
    void lazyCumulateEmitsCumulateWithoutUnchangedRepeats() {
        api.createTopic("it_lazy_in", 1);
        api.createTopic("it_lazy_out", 1);
        api.deploy("it-lazy", clicksSource("it_lazy_in", "it-lazy") + """
                CREATE TABLE pv_curve (page_id INT, window_start STRING, window_end STRING, pv BIGINT) WITH (
                  'connector' = 'kafka', 'topic' = 'it_lazy_out', 'connection' = 'local-kafka', 'format' = 'json',
                  'sink.delivery-guarantee' = 'exactly-once');
                INSERT INTO pv_curve
                SELECT page_id, DATE_FORMAT(window_start, 'yyyy-MM-dd HH:mm:ss'), DATE_FORMAT(window_end, 'yyyy-MM-dd HH:mm:ss'),
                       COUNT(*)
                FROM TABLE(LAZY_CUMULATE(TABLE clicks, DESCRIPTOR(event_time), INTERVAL '10' SECOND, INTERVAL '1' MINUTE))
                GROUP BY page_id, window_start, window_end;
                """);
        Random random = new Random(7);
        List<Click> all = new ArrayList<>();
        // phase 1: 0-98 s out of order, then 100 s: the watermark stands at 95 s, inside the window [60 s, 120 s)
        List<Click> phase1 = new ArrayList<>(orderedClicks(random, T0.plusSeconds(2), 49, Duration.ofSeconds(2), new int[] {1, 2, 3, 4}));
        phase1.add(new Click(T0.plusSeconds(100), "user_9", 1, "10.0.0.9"));
        all.addAll(phase1);
        api.produce("it_lazy_in", json(phase1));
        api.readAtLeast("it_lazy_out", CumulateOracle.lazy(all, BOUND, 10, 60).size(), WAIT);

        // phase 2, only late rows: for the closed window [0 s, 60 s) (dropped) and for steps of the open
        // window [60 s, 120 s) that already fired (Flink adds them to its next step, 100 s)
        List<Click> phase2 = List.of(
                new Click(T0.plusSeconds(30), "user_1", 1, "10.0.0.1"),
                new Click(T0.plusSeconds(45), "user_2", 2, "10.0.0.2"),
                new Click(T0.plusSeconds(62), "user_3", 3, "10.0.0.3"),
                new Click(T0.plusSeconds(75), "user_3", 3, "10.0.0.3"),
                new Click(T0.plusSeconds(88), "user_4", 4, "10.0.0.4"),
                new Click(T0.plusSeconds(89), "user_4", 7, "10.0.0.4"));
        all.addAll(phase2);
        api.produce("it_lazy_in", json(phase2));
        // phase 3: 100-150 s, a sparse page so that some steps do not change it, then 200 s to close the rest
        List<Click> phase3 = new ArrayList<>(orderedClicks(random, T0.plusSeconds(101), 25, Duration.ofSeconds(2), new int[] {1, 2, 5}));
        phase3.add(new Click(T0.plusSeconds(200), "user_8", 8, "10.0.0.8"));
        all.addAll(phase3);
        api.produce("it_lazy_in", json(phase3));

        List<String> expected = CumulateOracle.lazy(all, BOUND, 10, 60);
        List<String> actual = new ArrayList<>();
        for (JsonNode record : api.readAtLeast("it_lazy_out", expected.size(), WAIT)) {
            JsonNode row = parse(record.path("value").asText());
            actual.add(row.path("page_id").asInt() + "@" + row.path("window_start").asText() + ".." + row.path("window_end").asText()
                    + "=" + row.path("pv").asLong());
        }
        assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList());
        List<String> cumulate = CumulateOracle.cumulate(all, BOUND, 10, 60);
        assertTrue(cumulate.size() > expected.size() + 10, "the test data has unchanged repeats to skip: " + cumulate.size());
        System.out.printf("LAZY_CUMULATE: %d clicks, CUMULATE would emit %d rows, the lazy window emitted %d%n",
                all.size(), cumulate.size(), actual.size());
    }

    @Test
    void lateTumbleCorrectsEachWindowOnceAndDivertsTooLateRows() throws Exception {
        api.createTopic("it_late_in", 1);
        api.createTopic("it_late_out", 1);
        api.createTopic("it_late_rows", 1);
        Duration size = Duration.ofSeconds(10);
        Duration lateness = Duration.ofSeconds(30);
        api.deploy("it-late", """
                SET 'sluice.window.allowed-lateness' = '30 s';
                SET 'sluice.late-rows.topic' = 'it_late_rows';
                SET 'sluice.late-rows.connection' = 'local-kafka';
                """ + clicksSource("it_late_in", "it-late") + """
                CREATE TABLE per_window (page_id INT, window_start TIMESTAMP(3), page_views BIGINT,
                  PRIMARY KEY (page_id, window_start) NOT ENFORCED)
                WITH ('connector' = 'upsert-kafka', 'topic' = 'it_late_out', 'connection' = 'local-kafka',
                      'key.format' = 'json', 'value.format' = 'json');
                INSERT INTO per_window
                SELECT page_id, TUMBLE_START(event_time, INTERVAL '10' SECOND), COUNT(*)
                FROM clicks
                GROUP BY page_id, TUMBLE(event_time, INTERVAL '10' SECOND);
                """);
        Random random = new Random(19);
        List<Click> all = new ArrayList<>();
        // phase 1: 0-58 s out of order, then 60 s: watermark 55 s; windows up to [40 s, 50 s) fired
        List<Click> phase1 = new ArrayList<>(orderedClicks(random, T0.plusSeconds(1), 29, Duration.ofSeconds(2), new int[] {1, 2, 3}));
        phase1.add(new Click(T0.plusSeconds(60), "user_9", 1, "10.0.0.9"));
        all.addAll(phase1);
        api.produce("it_late_in", json(phase1));
        Map<String, Long> onTime = new LateTumbleOracle(all, BOUND, size, lateness).totals();
        assertEquals(onTime, foldUntil("it_late_out", onTime));

        // phase 2, only late rows: within the lateness for windows [20 s, 50 s) (several per window and
        // page, and a page without an on-time result), too late for [0 s, 20 s) (closed at 50 s)
        List<Click> phase2 = new ArrayList<>();
        int[] seconds = {21, 22, 25, 28, 31, 33, 33, 36, 39, 41, 44, 47, 48, 49};
        for (int i = 0; i < seconds.length; i++) {
            phase2.add(new Click(T0.plusSeconds(seconds[i]), "user_" + i, i % 3 == 0 ? 7 : 1 + i % 2, "10.0.0.7"));
        }
        phase2.add(new Click(T0.plusSeconds(3), "user_1", 1, "10.0.0.1"));
        phase2.add(new Click(T0.plusSeconds(12), "user_2", 2, "10.0.0.2"));
        phase2.add(new Click(T0.plusSeconds(19), "user_3", 7, "10.0.0.3"));
        all.addAll(phase2);
        api.produce("it_late_in", json(phase2));
        Map<String, Long> corrected = new LateTumbleOracle(all, BOUND, size, lateness).totals();
        assertEquals(corrected, foldUntil("it_late_out", corrected));

        // phase 3: 60-78 s, late rows for [50 s, 60 s) right behind them, then 150 s closes every window
        List<Click> phase3 = new ArrayList<>(orderedClicks(random, T0.plusSeconds(62), 9, Duration.ofSeconds(2), new int[] {1, 2, 3}));
        phase3.add(new Click(T0.plusSeconds(52), "user_5", 2, "10.0.0.5"));
        phase3.add(new Click(T0.plusSeconds(58), "user_6", 2, "10.0.0.6"));
        phase3.add(new Click(T0.plusSeconds(150), "user_8", 8, "10.0.0.8"));
        all.addAll(phase3);
        api.produce("it_late_in", json(phase3));

        LateTumbleOracle oracle = new LateTumbleOracle(all, BOUND, size, lateness);
        assertEquals(oracle.totals(), foldUntil("it_late_out", oracle.totals()), "final totals include every row within the lateness");
        List<JsonNode> records = api.readAtLeast("it_late_out", 1, Duration.ofSeconds(5));
        assertEquals(0, records.stream().filter(r -> r.path("value").isNull()).count(),
                "a correction updates the row in place, it never deletes it first");
        int corrections = records.size() - oracle.totals().size();
        long pages = oracle.totals().keySet().stream().map(k -> k.substring(0, k.indexOf('@'))).distinct().count();
        long windows = oracle.totals().keySet().stream().map(k -> k.substring(k.indexOf('@'))).distinct().count();
        assertTrue(corrections <= windows * pages, corrections + " corrections for " + windows + " windows and " + pages + " pages");
        System.out.printf("late TUMBLE: %d windows x %d pages, %d late rows within the lateness, %d corrections, %d too-late rows%n",
                windows, pages, oracle.lateWithinLateness().size(), corrections, oracle.tooLate().size());
        assertTrue(corrections < oracle.lateWithinLateness().size(),
                corrections + " corrections for " + oracle.lateWithinLateness().size() + " late rows");

        List<String> expectedLate = oracle.tooLate().stream().map(c -> c.page() + "@" + Click.SQL.format(c.eventTime())).sorted().toList();
        List<String> actualLate = api.readAtLeast("it_late_rows", expectedLate.size(), WAIT).stream()
                .map(r -> parse(r.path("value").asText()))
                .map(v -> v.path("page_id").asInt() + "@" + v.path("event_time").asText())
                .sorted().toList();
        assertEquals(expectedLate, actualLate, "too-late rows reach the late-rows topic");
        long counted = Poll.until(WAIT, Duration.ofSeconds(1), () -> lateRowsMetric("it-late"), n -> n == expectedLate.size());
        assertEquals(expectedLate.size(), counted, "too-late rows are counted in " + "sluiceLateRows");
    }

    /** Reads the upsert topic to its end, again and again, until its table equals {@code expected} or time is up. */
    private Map<String, Long> foldUntil(String topic, Map<String, Long> expected) throws Exception {
        return Poll.until(WAIT, Duration.ofSeconds(1), () -> {
            Map<String, Long> table = new TreeMap<>();
            for (JsonNode record : api.readAtLeast(topic, 0, Duration.ofSeconds(1))) {
                JsonNode key = parse(record.path("key").asText());
                String id = key.path("page_id").asInt() + "@" + key.path("window_start").asText().replace('T', ' ');
                if (record.path("value").isNull()) {
                    table.remove(id);
                } else {
                    table.put(id, parse(record.path("value").asText()).path("page_views").asLong());
                }
            }
            return table;
        }, expected::equals);
    }

    /** The job's sluiceLateRows counter, summed over subtasks, from Flink's own REST API. */
    private static long lateRowsMetric(String jobName) throws Exception {
        URI flink = SharedServer.server().embeddedFlink().restUrl();
        long total = -1;
        for (JsonNode job : flinkGet(flink, "jobs/overview").path("jobs")) {
            if (!job.path("state").asText().equals("RUNNING") || !job.path("name").asText().contains(jobName)) {
                continue;
            }
            String jobId = job.path("jid").asText();
            for (JsonNode vertex : flinkGet(flink, "jobs/" + jobId).path("vertices")) {
                String vertexPath = "jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/metrics";
                List<String> ids = new ArrayList<>();
                flinkGet(flink, vertexPath).forEach(metric -> {
                    if (metric.path("id").asText().endsWith(".sluiceLateRows")) {
                        ids.add(metric.path("id").asText());
                    }
                });
                if (!ids.isEmpty()) {
                    total = Math.max(total, 0);
                    for (JsonNode value : flinkGet(flink, vertexPath + "?get=" + String.join(",", ids))) {
                        total += Long.parseLong(value.path("value").asText());
                    }
                }
            }
        }
        return total;
    }

    private static JsonNode flinkGet(URI flink, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(flink.resolve("/" + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
