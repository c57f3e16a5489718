package io.sluice.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.flink.util.MathUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.server.SluiceServer;
import io.sluice.server.store.LocalMariaDb;
import io.sluice.server.store.LocalPostgres;
import io.sluice.server.testing.Poll;

/**
 * A bucketed lookup join at parallelism 2 against a real PostgreSQL dimension table: each instance
 * caches exactly its bucket of the users table (read from its {@code bucketRows} metric through
 * Flink's REST API), no lookup reaches an instance that lacks its key, the enriched orders and a
 * per-tier event-time window over them (with out-of-order and late orders, and orders of users the
 * table lacks) equal what the test computes itself, and a refresh picks up changed, added and deleted
 * users.
 */
class BucketedLookupIT {
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 1, 1, 0, 0);
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final String[] TIERS = {"gold", "silver", "bronze"};
    private static final int PARALLELISM = 2;
    private static final String JOB = "bucketed-lookup";

    private static LocalPostgres postgres;
    private static LocalMariaDb mariaDb;

    private final ApiClient api = SharedServer.client();
    private final SluiceServer server = SharedServer.server();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    /** One order as produced: the user it names may be missing from the users table. */
    private record Order(long id, long user, int amount, LocalDateTime time) {
        String json() {
            return "{\"order_id\":" + id + ",\"user_id\":" + user + ",\"amount\":" + amount
                    + ",\"event_time\":\"" + MILLIS.format(time) + "\"}";
        }
    }

    /** A row of the users table. */
    private record User(String name, String tier) {
    }

    @BeforeAll
    static void startDatabases() throws SQLException {
        postgres = SharedDatabases.postgres();
        mariaDb = SharedDatabases.mariaDb("lookup_test");
    }

    @AfterEach
    void stopJobs() {
        api.stopAll();
    }

    @Test
    void eachInstanceCachesItsBucketAndJoinsEqualTheOracleBeforeAndAfterARefresh() throws Exception {
        Map<Long, User> users = new TreeMap<>();
        for (long id = 1; id <= 200; id++) {
            users.put(id, new User("user-" + id, TIERS[(int) (id % TIERS.length)]));
        }
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, tier VARCHAR(16) NOT NULL)");
        }
        writeUsers(users);

        api.ok(api.post("/api/connections", Map.of("name", "pg-lookup", "type", "jdbc",
                "properties", Map.of("url", postgres.jdbcUrl(), "username", postgres.user()),
                // the test database trusts local connections; the password is there because the connector wants both
                "secrets", Map.of("password", "not-checked"))));
        api.createTopic("lk_orders", 1);
        api.createTopic("lk_enriched", 1);
        api.createTopic("lk_tiers", 1);
        api.ok(api.post("/api/jobs", Map.of("name", JOB,
                "settings", Map.of("checkpointIntervalMs", 1000, "parallelism", PARALLELISM), "sql", """
                -- one source task that never idles: a source resuming after idleness may pass its rows on
                -- after another channel's watermark has already closed their window, which no oracle predicts
                SET 'table.exec.source.idle-timeout' = '0 ms';
                CREATE TABLE orders (order_id BIGINT, user_id BIGINT, amount INT, event_time TIMESTAMP(3),
                  proc AS PROCTIME(), WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND) WITH (
                  'connector' = 'kafka', 'topic' = 'lk_orders', 'connection' = 'local-kafka',
                  'properties.group.id' = 'bucketed-lookup', 'scan.startup.mode' = 'earliest-offset', 'format' = 'json',
                  'scan.parallelism' = '1');
                CREATE TABLE users (id BIGINT, name STRING, tier STRING, PRIMARY KEY (id) NOT ENFORCED) WITH (
                  'connector' = 'jdbc-bucketed', 'connection' = 'pg-lookup', 'table-name' = 'users',
                  'lookup.bucket.refresh-interval' = '1 s');
                CREATE TABLE enriched (order_id BIGINT, user_id BIGINT, name STRING, tier STRING) WITH (
                  'connector' = 'kafka', 'topic' = 'lk_enriched', 'connection' = 'local-kafka', 'format' = 'json');
                CREATE TABLE tier_minute (tier STRING, window_start STRING, amount BIGINT) WITH (
                  'connector' = 'kafka', 'topic' = 'lk_tiers', 'connection' = 'local-kafka', 'format' = 'json');
                -- no hint: Sluice partitions the stream by the lookup key itself
                INSERT INTO enriched
                SELECT o.order_id, o.user_id, u.name, u.tier
                FROM orders AS o LEFT JOIN users FOR SYSTEM_TIME AS OF o.proc AS u ON o.user_id = u.id;
                -- the planner's own shuffle, asked for by the standard hint, gives the same partitions
                CREATE VIEW tiered AS
                SELECT /*+ LOOKUP('table'='u', 'shuffle'='true') */ o.event_time, o.amount, u.tier
                FROM orders AS o JOIN users FOR SYSTEM_TIME AS OF o.proc AS u ON o.user_id = u.id;
                INSERT INTO tier_minute
                SELECT tier, DATE_FORMAT(window_start, 'yyyy-MM-dd HH:mm:ss'), SUM(amount)
                FROM TABLE(TUMBLE(TABLE tiered, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))
                GROUP BY tier, window_start, window_end;
                """)));
        api.ok(api.post("/api/jobs/" + JOB + "/deploy", Map.of()));
        String flinkJob = Poll.until(WAIT, Duration.ofMillis(500),
                () -> api.ok(api.get("/api/jobs/" + JOB + "/status")),
                status -> status.path("state").asText().equals("RUNNING") && status.path("flinkJobId").isTextual())
                .path("flinkJobId").asText();

        Random random = new Random(41);
        List<Order> arrivals = new ArrayList<>();
        Map<Long, Map<String, Object>> expectedEnriched = new TreeMap<>();

        // phase 1: two minutes of out-of-order orders (within the 5 s bound), a fifth of them for users
        // the table lacks, then one that moves the watermark past both minutes
        List<Order> phase1 = orders(random, 1, T0, 300);
        phase1.add(new Order(1_000, 7, 3, T0.plusSeconds(130)));
        expect(phase1, users, arrivals, expectedEnriched);
        // both lookup joins' instances: each holds exactly the users of its bucket, and the whole table between them
        Map<String, Map<Integer, Long>> rows = awaitBucketMetrics(flinkJob, "bucketRows",
                perOperator -> perOperator.size() == 2 && perOperator.values().stream().allMatch(m -> m.size() == PARALLELISM));
        for (Map<Integer, Long> perSubtask : rows.values()) {
            assertEquals(expectedShares(users), perSubtask, "rows per instance " + rows);
            perSubtask.values().forEach(count -> assertTrue(count < users.size(), "an instance holds a share, not all"));
        }
        api.produce("lk_orders", phase1.stream().map(Order::json).toList());
        // every order went through both joins before the table changes
        api.readAtLeast("lk_tiers", windows(arrivals, users).size(), WAIT);
        assertEquals(expectedEnriched, readEnriched("lk_enriched", expectedEnriched.size()));

        // the table changes: renamed and re-tiered users, a user added (its earlier orders stay unmatched), one deleted
        Map<Long, User> changed = new TreeMap<>(users);
        changed.put(3L, new User("renamed-3", "gold"));
        changed.put(10L, new User("renamed-10", "bronze"));
        changed.put(222L, new User("user-222", "silver"));
        changed.remove(5L);
        writeUsers(changed);
        long committedAt = System.currentTimeMillis();
        // every instance has a load that began after the change was committed (the test and Flink share a clock)
        awaitBucketMetrics(flinkJob, "bucketLoadedAt", loadedAt -> loadedAt.values().stream()
                .allMatch(perSubtask -> perSubtask.values().stream().allMatch(at -> at > committedAt)));
        for (Map<Integer, Long> perSubtask : bucketMetrics(flinkJob, "bucketRows").values()) {
            assertEquals(expectedShares(changed), perSubtask, "rows per instance after the refresh");
        }

        // phase 2: late orders for the closed minutes (enriched, but dropped by the window), orders of the
        // changed users and in-bound orders for minute 2, then one that closes minutes 2 and 3
        List<Order> phase2 = new ArrayList<>();
        phase2.add(new Order(2_001, 3, 11, T0.plusSeconds(30)));
        phase2.add(new Order(2_002, 222, 13, T0.plusSeconds(95)));
        phase2.add(new Order(2_003, 3, 17, T0.plusSeconds(131)));
        phase2.add(new Order(2_004, 5, 19, T0.plusSeconds(132)));
        phase2.add(new Order(2_005, 10, 23, T0.plusSeconds(133)));
        phase2.add(new Order(2_006, 222, 29, T0.plusSeconds(134)));
        phase2.addAll(orders(random, 3_000, T0.plusSeconds(135), 100));
        phase2.add(new Order(4_000, 7, 5, T0.plusSeconds(250)));
        expect(phase2, changed, arrivals, expectedEnriched);
        api.produce("lk_orders", phase2.stream().map(Order::json).toList());
        // the window oracle runs over all arrivals with the users as each order met them
        Map<String, Long> expectedTiers = windowsOf(arrivals, phase1.size(), users, changed);

        assertEquals(expectedEnriched, readEnriched("lk_enriched", expectedEnriched.size()));
        assertEquals(expectedTiers, readTiers(expectedTiers.size()));
        assertTrue(expectedTiers.keySet().stream().anyMatch(key -> key.endsWith("00:02:00")), "minute 2 was emitted");

        // the stream was partitioned as the instances loaded: no lookup had to fall back to the database
        for (Map<Integer, Long> perSubtask : bucketMetrics(flinkJob, "outOfBucketLookups").values()) {
            perSubtask.values().forEach(count -> assertEquals(0L, count, "out-of-bucket lookups " + perSubtask));
        }
    }

    @Test
    void withTheShuffleOffKeysOfOtherBucketsAreLookedUpInTheDatabase() throws Exception {
        Map<Long, User> users = new TreeMap<>();
        for (long id = 1; id <= 200; id++) {
            users.put(id, new User("user-" + id, TIERS[(int) (id % TIERS.length)]));
        }
        try (Connection db = mariaDb.connect("lookup_test"); Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, tier VARCHAR(16) NOT NULL)");
            for (Map.Entry<Long, User> user : users.entrySet()) {
                statement.execute("INSERT INTO users VALUES (" + user.getKey() + ", '" + user.getValue().name() + "', '"
                        + user.getValue().tier() + "')");
            }
        }
        api.ok(api.post("/api/connections", Map.of("name", "maria-lookup", "type", "jdbc",
                "properties", Map.of("url", mariaDb.jdbcUrl("lookup_test"), "username", "root"),
                "secrets", Map.of("password", "not-checked"))));
        api.createTopic("lk_plain_orders", 1);
        api.createTopic("lk_plain_enriched", 1);
        api.ok(api.post("/api/jobs", Map.of("name", "bucketed-lookup-plain",
                "settings", Map.of("checkpointIntervalMs", 1000, "parallelism", PARALLELISM), "sql", """
                SET 'sluice.lookup.bucketed-shuffle' = 'false';
                CREATE TABLE orders (order_id BIGINT, user_id BIGINT, amount INT, event_time TIMESTAMP(3),
                  proc AS PROCTIME()) WITH (
                  'connector' = 'kafka', 'topic' = 'lk_plain_orders', 'connection' = 'local-kafka',
                  'properties.group.id' = 'bucketed-lookup-plain', 'scan.startup.mode' = 'earliest-offset',
                  'format' = 'json');
                CREATE TABLE users (id BIGINT, name STRING, tier STRING, PRIMARY KEY (id) NOT ENFORCED) WITH (
                  'connector' = 'jdbc-bucketed', 'connection' = 'maria-lookup', 'table-name' = 'users');
                CREATE TABLE enriched (order_id BIGINT, user_id BIGINT, name STRING, tier STRING) WITH (
                  'connector' = 'kafka', 'topic' = 'lk_plain_enriched', 'connection' = 'local-kafka', 'format' = 'json');
                INSERT INTO enriched
                SELECT o.order_id, o.user_id, u.name, u.tier
                FROM orders AS o LEFT JOIN users FOR SYSTEM_TIME AS OF o.proc AS u ON o.user_id = u.id;
                """)));
        api.ok(api.post("/api/jobs/bucketed-lookup-plain/deploy", Map.of()));
        String flinkJob = Poll.until(WAIT, Duration.ofMillis(500),
                () -> api.ok(api.get("/api/jobs/bucketed-lookup-plain/status")),
                status -> status.path("state").asText().equals("RUNNING") && status.path("flinkJobId").isTextual())
                .path("flinkJobId").asText();

        List<Order> orders = orders(new Random(43), 1, T0, 300);
        Map<Long, Map<String, Object>> expected = new TreeMap<>();
        expect(orders, users, new ArrayList<>(), expected);
        api.produce("lk_plain_orders", orders.stream().map(Order::json).toList());
        assertEquals(expected, readEnriched("lk_plain_enriched", expected.size()));

        // the instances still hold only their buckets; the unpartitioned stream sent them keys of the other one
        Map<String, Map<Integer, Long>> rows = awaitBucketMetrics(flinkJob, "bucketRows",
                perOperator -> perOperator.values().stream().allMatch(m -> m.size() == PARALLELISM));
        rows.values().forEach(perSubtask -> assertEquals(expectedShares(users), perSubtask, "rows per instance"));
        awaitBucketMetrics(flinkJob, "outOfBucketLookups", lookups -> lookups.values().stream()
                .mapToLong(perSubtask -> perSubtask.values().stream().mapToLong(Long::longValue).sum()).sum() > 0);
    }

    /** Out-of-order orders one per 0.4 s, up to 4 s early; users 1..250, of which only 1..200 exist at first. */
    private static List<Order> orders(Random random, long firstId, LocalDateTime from, int count) {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDateTime time = from.plus(Duration.ofMillis(400L * i)).minusNanos(random.nextInt(4000) * 1_000_000L);
            if (time.isBefore(from)) {
                time = from;
            }
            orders.add(new Order(firstId + i, 1 + random.nextInt(250), 1 + random.nextInt(100), time));
        }
        return orders;
    }

    /** What a LEFT lookup join emits for each order: the user's name and tier, or NULLs for a missing user. */
    private static void expect(List<Order> orders, Map<Long, User> users, List<Order> arrivals,
            Map<Long, Map<String, Object>> expected) {
        for (Order order : orders) {
            User user = users.get(order.user());
            Map<String, Object> row = new HashMap<>();
            row.put("user_id", order.user());
            row.put("name", user == null ? null : user.name());
            row.put("tier", user == null ? null : user.tier());
            expected.put(order.id(), row);
        }
        arrivals.addAll(orders);
    }

    private static Map<String, Long> windows(List<Order> arrivals, Map<Long, User> users) {
        return windowsOf(arrivals, arrivals.size(), users, users);
    }

    /**
     * "tier@window_start" → sum of amounts, for every window the final watermark closed: the orders in
     * arrival order, a watermark of (highest event time seen - 5 s) over all of them (matched or not), a
     * row dropped when its window has already fired, the first {@code firstPhase} orders met by
     * {@code before}, the rest by {@code after}.
     */
    private static Map<String, Long> windowsOf(List<Order> arrivals, int firstPhase, Map<Long, User> before,
            Map<Long, User> after) {
        LocalDateTime watermark = LocalDateTime.MIN;
        Map<String, Long> sums = new TreeMap<>();
        Map<String, LocalDateTime> ends = new HashMap<>();
        for (int i = 0; i < arrivals.size(); i++) {
            Order order = arrivals.get(i);
            User user = (i < firstPhase ? before : after).get(order.user());
            LocalDateTime start = order.time().truncatedTo(ChronoUnit.MINUTES);
            LocalDateTime end = start.plusMinutes(1);
            boolean late = !end.minusNanos(1_000_000).isAfter(watermark);
            if (user != null && !late) {
                String key = user.tier() + "@" + SECONDS.format(start);
                sums.merge(key, (long) order.amount(), Long::sum);
                ends.put(key, end);
            }
            LocalDateTime candidate = order.time().minus(BOUND);
            if (candidate.isAfter(watermark)) {
                watermark = candidate;
            }
        }
        LocalDateTime finalWatermark = watermark;
        sums.keySet().removeIf(key -> ends.get(key).minusNanos(1_000_000).isAfter(finalWatermark));
        return sums;
    }

    /**
     * Rows per bucket as the documented assignment puts them: bucket = floorMod(murmurHash(hash of the
     * list of key values), parallelism), integers hashed as Java longs.
     */
    private static Map<Integer, Long> expectedShares(Map<Long, User> users) {
        Map<Integer, Long> shares = new TreeMap<>();
        for (int bucket = 0; bucket < PARALLELISM; bucket++) {
            shares.put(bucket, 0L);
        }
        for (long id : users.keySet()) {
            shares.merge(Math.floorMod(MathUtils.murmurHash(List.of(id).hashCode()), PARALLELISM), 1L, Long::sum);
        }
        return shares;
    }

    private Map<Long, Map<String, Object>> readEnriched(String topic, int expected) {
        Map<Long, Map<String, Object>> rows = new TreeMap<>();
        for (JsonNode record : api.readAtLeast(topic, expected, WAIT)) {
            JsonNode value = parse(record.path("value").asText());
            Map<String, Object> row = new HashMap<>();
            row.put("user_id", value.path("user_id").asLong());
            row.put("name", value.path("name").isNull() ? null : value.path("name").asText());
            row.put("tier", value.path("tier").isNull() ? null : value.path("tier").asText());
            Map<String, Object> previous = rows.put(value.path("order_id").asLong(), row);
            // the at-least-once Kafka sink may replay a row after a restart, but never a different one
            assertTrue(previous == null || previous.equals(row), "an order was enriched twice differently: " + value);
        }
        return rows;
    }

    private Map<String, Long> readTiers(int expected) {
        Map<String, Long> sums = new TreeMap<>();
        for (JsonNode record : api.readAtLeast("lk_tiers", expected, WAIT)) {
            JsonNode value = parse(record.path("value").asText());
            long amount = value.path("amount").asLong();
            Long previous = sums.put(value.path("tier").asText() + "@" + value.path("window_start").asText(), amount);
            assertTrue(previous == null || previous == amount, "a window was emitted with two sums: " + value);
        }
        return sums;
    }

    private Map<String, Map<Integer, Long>> awaitBucketMetrics(String flinkJob, String metric,
            Predicate<Map<String, Map<Integer, Long>>> done) throws Exception {
        return Poll.until(WAIT, Duration.ofMillis(500), () -> bucketMetrics(flinkJob, metric),
                values -> !values.isEmpty() && done.test(values));
    }

    /** The metric of every bucketed lookup operator by subtask, e.g. {"LookupJoin[4]" → {0 → 103, 1 → 97}}. */
    private Map<String, Map<Integer, Long>> bucketMetrics(String flinkJob, String metric) {
        Map<String, Map<Integer, Long>> values = new TreeMap<>();
        for (JsonNode vertex : flink("/jobs/" + flinkJob).path("vertices")) {
            String vertexPath = "/jobs/" + flinkJob + "/vertices/" + vertex.path("id").asText() + "/metrics";
            List<String> ids = new ArrayList<>();
            for (JsonNode available : flink(vertexPath)) {
                String id = available.path("id").asText();
                if (id.endsWith("." + metric)) {
                    ids.add(id);
                }
            }
            if (ids.isEmpty()) {
                continue;
            }
            for (JsonNode value : flink(vertexPath + "?get=" + URLEncoder.encode(String.join(",", ids), StandardCharsets.UTF_8))) {
                // ids are "<subtask>.<operator>.<metric>"
                String id = value.path("id").asText();
                int subtask = Integer.parseInt(id.substring(0, id.indexOf('.')));
                String operator = vertex.path("id").asText() + "/" + id.substring(id.indexOf('.') + 1, id.length() - metric.length() - 1);
                values.computeIfAbsent(operator, o -> new TreeMap<>()).put(subtask, (long) Double.parseDouble(value.path("value").asText()));
            }
        }
        return values;
    }

    private JsonNode flink(String path) {
        URI base = server.embeddedFlink().restUrl();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeUsers(Map<Long, User> users) throws SQLException {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            try (Statement statement = db.createStatement()) {
                statement.execute("DELETE FROM users");
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO users VALUES (?, ?, ?)")) {
                for (Map.Entry<Long, User> user : users.entrySet()) {
                    insert.setLong(1, user.getKey());
                    insert.setString(2, user.getValue().name());
                    insert.setString(3, user.getValue().tier());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            db.commit();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
    }
}
