package io.sluice.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The four job shapes of the demo, deployed through the REST API on real Flink and Kafka processes,
 * fed fixed event sets with out-of-order and late events; outputs compared exactly with oracles
 * computed here, independently of Flink.
 */
class DemoJobShapesIT {
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 1, 1, 0, 0);
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient api = SharedServer.client();

    @AfterEach
    void stopJobs() {
        api.stopAll();
    }

    static String clicksSource(String topic, String group) {
        return """
                CREATE TABLE clicks (
                  event_time TIMESTAMP(3),
                  user_name STRING,
                  page_id INT,
                  ip STRING,
                  WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
                ) WITH (
                  'connector' = 'kafka',
                  'topic' = '%s',
                  'connection' = 'local-kafka',
                  'properties.group.id' = '%s',
                  'scan.startup.mode' = 'earliest-offset',
                  'format' = 'json'
                );
                """.formatted(topic, group);
    }

    /** In event-time order with jitter inside the bound, so none of these is late. */
    static List<Click> orderedClicks(Random random, LocalDateTime from, int count, Duration step, int[] pages) {
        List<Click> clicks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDateTime time = from.plus(step.multipliedBy(i)).minusNanos(random.nextInt(4000) * 1_000_000L);
            if (time.isBefore(from)) {
                time = from;
            }
            int user = random.nextInt(7);
            clicks.add(new Click(time, "user_" + user, pages[random.nextInt(pages.length)], "10.0.0." + user));
        }
        return clicks;
    }

    static List<String> json(List<Click> clicks) {
        return clicks.stream().map(Click::json).toList();
    }

    private static List<Click> mixedClicks() {
        Random random = new Random(11);
        List<Click> clicks = new ArrayList<>(orderedClicks(random, T0, 80, Duration.ofSeconds(2), new int[] {8212, 1, 2}));
        // late and out-of-order stragglers: ETL and continuous aggregation take them like any other row
        clicks.add(new Click(T0.plusSeconds(3), "user_1", 8212, "10.0.0.1"));
        clicks.add(new Click(T0.plusSeconds(40), "user_2", 1, "10.0.0.2"));
        return clicks;
    }

    @Test
    void etlFilterKeepsExactlyTheRowsOfPage8212() {
        api.createTopic("it_etl_in", 1);
        api.createTopic("it_etl_out", 1);
        List<Click> clicks = mixedClicks();
        api.produce("it_etl_in", json(clicks));
        api.deploy("it-etl", clicksSource("it_etl_in", "it-etl") + """
                CREATE TABLE page_8212 (event_time TIMESTAMP(3), user_name STRING, page_id INT, ip STRING) WITH (
                  'connector' = 'kafka', 'topic' = 'it_etl_out', 'connection' = 'local-kafka', 'format' = 'json',
                  'sink.delivery-guarantee' = 'exactly-once');
                INSERT INTO page_8212 SELECT * FROM clicks WHERE page_id = 8212;
                """);

        List<Click> expected = clicks.stream().filter(c -> c.page() == 8212).toList();
        List<Click> actual = api.readAtLeast("it_etl_out", expected.size(), WAIT).stream()
                .map(r -> parse(r.path("value").asText()))
                .map(v -> new Click(Click.parse(v.path("event_time").asText()), v.path("user_name").asText(),
                        v.path("page_id").asInt(), v.path("ip").asText()))
                .toList();
        assertEquals(expected, actual);
    }

    @Test
    void continuousGroupByUpdatesEachUsersCountInPlace() {
        api.createTopic("it_users_in", 1);
        api.createTopic("it_users_out", 1);
        List<Click> clicks = mixedClicks();
        api.produce("it_users_in", json(clicks));
        // every single update is the point here; the default profile's mini-batch and net-change buffer would fold them
        api.deploy("it-users", "SET 'table.exec.mini-batch.enabled' = 'false';\nSET 'sluice.retraction.buffer-interval' = 'off';\n"
                + clicksSource("it_users_in", "it-users") + """
                CREATE TABLE views_per_user (user_name STRING, page_views BIGINT, PRIMARY KEY (user_name) NOT ENFORCED)
                WITH ('connector' = 'upsert-kafka', 'topic' = 'it_users_out', 'connection' = 'local-kafka',
                      'key.format' = 'json', 'value.format' = 'json');
                INSERT INTO views_per_user SELECT user_name, COUNT(*) FROM clicks GROUP BY user_name;
                """);

        Map<String, Long> expected = clicks.stream().collect(Collectors.groupingBy(Click::user, TreeMap::new, Collectors.counting()));
        Map<String, Long> table = new TreeMap<>();
        Map<String, List<Long>> history = new HashMap<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        int seen = 0;
        while (!table.equals(expected) && System.nanoTime() < deadline) {
            List<JsonNode> records = api.readAtLeast("it_users_out", seen + 1, Duration.ofSeconds(5));
            for (JsonNode record : records.subList(seen, records.size())) {
                String user = parse(record.path("key").asText()).path("user_name").asText();
                if (record.path("value").isNull()) {
                    table.remove(user);
                } else {
                    long views = parse(record.path("value").asText()).path("page_views").asLong();
                    table.put(user, views);
                    history.computeIfAbsent(user, u -> new ArrayList<>()).add(views);
                }
            }
            seen = records.size();
        }
        assertEquals(expected, table);
        // updated in place: every user's first update is 1 and the last is the final count (a restart
        // of the at-least-once sink may replay updates, never change them)
        history.forEach((user, counts) -> {
            assertEquals(1L, counts.get(0), user + " counts " + counts);
            assertEquals(expected.get(user), counts.get(counts.size() - 1), user + " counts " + counts);
        });
    }

    @Test
    void tumblingWindowCountsPerPageDropLateRowsAndKeepOutOfOrderOnes() {
        api.createTopic("it_windows_in", 1);
        api.createTopic("it_windows_out", 1);
        api.deploy("it-windows", clicksSource("it_windows_in", "it-windows") + """
                CREATE TABLE views_per_page_minute (page_id INT, window_start STRING, window_end STRING, page_views BIGINT)
                WITH ('connector' = 'kafka', 'topic' = 'it_windows_out', 'connection' = 'local-kafka', 'format' = 'json');
                INSERT INTO views_per_page_minute
                SELECT page_id, DATE_FORMAT(window_start, 'yyyy-MM-dd HH:mm:ss'), DATE_FORMAT(window_end, 'yyyy-MM-dd HH:mm:ss'),
                       COUNT(*)
                FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))
                GROUP BY page_id, window_start, window_end;
                """);
        Random random = new Random(23);
        List<Click> all = new ArrayList<>();
        // phase 1: two minutes of out-of-order clicks, then one that moves the watermark past both windows
        List<Click> phase1 = new ArrayList<>(orderedClicks(random, T0, 60, Duration.ofSeconds(2), new int[] {1, 2, 3}));
        phase1.add(new Click(T0.plusSeconds(130), "user_1", 1, "10.0.0.1"));
        api.produce("it_windows_in", json(phase1));
        all.addAll(phase1);
        int firstWindows = WindowOracle.emitted(all, BOUND).size();
        api.readAtLeast("it_windows_out", firstWindows, WAIT);

        // phase 2: late rows for the closed windows (dropped), in-bound rows for minute 2, then a closing row
        List<Click> phase2 = new ArrayList<>();
        phase2.add(new Click(T0.plusSeconds(30), "user_3", 1, "10.0.0.3"));
        phase2.add(new Click(T0.plusSeconds(90), "user_4", 2, "10.0.0.4"));
        phase2.addAll(orderedClicks(random, T0.plusSeconds(130), 20, Duration.ofSeconds(2), new int[] {1, 2, 3}));
        phase2.add(new Click(T0.plusSeconds(250), "user_5", 9, "10.0.0.5"));
        api.produce("it_windows_in", json(phase2));
        all.addAll(phase2);

        Map<String, Long> expected = WindowOracle.emitted(all, BOUND);
        Map<String, Long> actual = new TreeMap<>();
        for (JsonNode record : api.readAtLeast("it_windows_out", expected.size(), WAIT)) {
            JsonNode row = parse(record.path("value").asText());
            long views = row.path("page_views").asLong();
            Long previous = actual.put(row.path("page_id").asInt() + "@" + row.path("window_start").asText(), views);
            // the at-least-once Kafka sink may replay a window after a restart, but never with another count
            assertTrue(previous == null || previous == views, "a window was emitted with two counts: " + row);
        }
        assertEquals(expected, actual);
        assertTrue(expected.keySet().stream().anyMatch(k -> k.endsWith("00:02:00")), "minute 2 was emitted");
    }

    @Test
    void impressionClickIntervalJoinMatchesClicksWithinTenMinutes() {
        api.createTopic("it_ads_in", 1);
        api.createTopic("it_ads_out", 1);
        Random random = new Random(5);
        List<AdEvent> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            LocalDateTime shown = T0.plusSeconds(20L * i);
            long ad = random.nextInt(6);
            events.add(new AdEvent(ad, "impression", shown));
            if (random.nextInt(3) > 0) {
                // some clicks fall inside the 10 minutes, some just after
                events.add(new AdEvent(ad, "click", shown.plusSeconds(30 + random.nextInt(700))));
            }
        }
        events.sort((a, b) -> a.time().compareTo(b.time()));
        api.produce("it_ads_in", events.stream().map(AdEvent::json).toList());
        api.deploy("it-ads", """
                CREATE TABLE ad_events (
                  ad_id BIGINT, event_type STRING, event_time TIMESTAMP(3),
                  WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
                ) WITH ('connector' = 'kafka', 'topic' = 'it_ads_in', 'connection' = 'local-kafka',
                        'properties.group.id' = 'it-ads', 'scan.startup.mode' = 'earliest-offset', 'format' = 'json');
                CREATE VIEW impressions AS SELECT ad_id, event_time FROM ad_events WHERE event_type = 'impression';
                CREATE VIEW clicks AS SELECT ad_id, event_time FROM ad_events WHERE event_type = 'click';
                CREATE TABLE attributed (ad_id BIGINT, impression_time STRING, click_time STRING) WITH (
                  'connector' = 'kafka', 'topic' = 'it_ads_out', 'connection' = 'local-kafka', 'format' = 'json');
                INSERT INTO attributed
                SELECT i.ad_id, DATE_FORMAT(i.event_time, 'yyyy-MM-dd HH:mm:ss'), DATE_FORMAT(c.event_time, 'yyyy-MM-dd HH:mm:ss')
                FROM impressions i JOIN clicks c
                  ON i.ad_id = c.ad_id
                 AND c.event_time BETWEEN i.event_time AND i.event_time + INTERVAL '10' MINUTE;
                """);

        List<String> expected = new ArrayList<>();
        for (AdEvent impression : events) {
            for (AdEvent click : events) {
                if (impression.type().equals("impression") && click.type().equals("click") && impression.ad() == click.ad()
                        && !click.time().isBefore(impression.time())
                        && !click.time().isAfter(impression.time().plusMinutes(10))) {
                    expected.add(impression.ad() + " " + AdEvent.SECONDS.format(impression.time()) + " "
                            + AdEvent.SECONDS.format(click.time()));
                }
            }
        }
        expected.sort(null);
        List<String> actual = api.readAtLeast("it_ads_out", expected.size(), WAIT).stream()
                .map(r -> parse(r.path("value").asText()))
                .map(v -> v.path("ad_id").asLong() + " " + v.path("impression_time").asText() + " " + v.path("click_time").asText())
                .sorted()
                .toList();
        assertTrue(expected.size() > 10, "the data set has matches");
        assertEquals(expected, actual);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
