package io.sluice.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * User functions from uploaded jars on the real cluster: the example jar of examples/udfs (a process
 * table function and a scalar function) and a jar of counting functions that shows UDF call reuse.
 * Outputs are compared with oracles computed here.
 */
class UserFunctionsIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE_SOURCES = Path.of("..", "examples", "udfs", "src", "main", "java");
    private static final Path COUNTER_SOURCES = Path.of("src", "test", "udfs");

    private final ApiClient api = SharedServer.client();

    @AfterEach
    void stopJobs() {
        api.stopAll();
    }

    private static String exampleScript() throws IOException {
        return Files.readString(Path.of("..", "examples", "udfs", "visit-stats.sql"));
    }

    @Test
    void jarUploadRefusesBadInputWithReasons() {
        byte[] jar = FunctionJarBuilder.build(EXAMPLE_SOURCES);
        ApiClient.Answer notAJar = api.postBytes("/api/jars?name=it-bad", "hello".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notAJar.status(), notAJar.body().toString());
        assertTrue(notAJar.body().path("error").asText().contains("not a jar"), notAJar.body().toString());
        assertEquals(400, api.postBytes("/api/jars", jar).status(), "a jar needs a name");
        assertEquals(400, api.postBytes("/api/jars?name=../escape", jar).status());

        JsonNode uploaded = api.ok(api.postBytes("/api/jars?name=it-upload-checks", jar));
        assertEquals("it-upload-checks", uploaded.path("name").asText());
        assertEquals(jar.length, uploaded.path("sizeBytes").asLong());
        Set<String> classes = new LinkedHashSet<>();
        uploaded.path("functionClasses").forEach(c -> classes.add(c.asText()));
        assertTrue(classes.containsAll(Set.of("io.sluice.examples.udfs.UrlHost", "io.sluice.examples.udfs.VisitStats")),
                classes.toString());
        ApiClient.Answer duplicate = api.postBytes("/api/jars?name=it-upload-checks", jar);
        assertEquals(409, duplicate.status(), duplicate.body().toString());

        List<String> names = new ArrayList<>();
        api.ok(api.get("/api/jars")).forEach(j -> names.add(j.path("name").asText()));
        assertTrue(names.contains("it-upload-checks"), names.toString());
        assertEquals(204, api.delete("/api/jars/it-upload-checks").status());
        assertEquals(404, api.delete("/api/jars/it-upload-checks").status());
    }

    @Test
    void multipartUploadThenPreviewRunsTheFunctionsOnTypedRows() throws Exception {
        JsonNode uploaded = api.ok(api.postFile("/api/jars", "sluice-example-udfs.jar",
                FunctionJarBuilder.build(EXAMPLE_SOURCES), Map.of()));
        assertEquals("sluice-example-udfs", uploaded.path("name").asText(), "named after the file without .jar");
        String script = exampleScript().replace("'example-udfs'", "'sluice-example-udfs'");
        List<String> rows = List.of(
                "{\"user_name\":\"ann\",\"url\":\"https://Shop.Example.com/cart?item=7\",\"duration_ms\":300}",
                "{\"user_name\":\"bob\",\"url\":\"not a url\",\"duration_ms\":50}",
                "{\"user_name\":\"ann\",\"url\":\"https://docs.example.org/start\",\"duration_ms\":100}",
                "{\"user_name\":\"ann\",\"url\":\"https://shop.example.com/\",\"duration_ms\":700}");
        JsonNode result = api.ok(api.post("/api/sql/preview", Map.of("sql", script, "samples", Map.of("visits", rows))));
        // the example of examples/udfs/README.md
        assertEquals("[{\"kind\":\"+I\",\"values\":[\"ann\",1,300,300,1,null]},"
                + "{\"kind\":\"+I\",\"values\":[\"bob\",1,50,50,0,null]},"
                + "{\"kind\":\"+I\",\"values\":[\"ann\",2,400,300,2,\"shop.example.com\"]},"
                + "{\"kind\":\"+I\",\"values\":[\"ann\",3,1100,700,2,\"docs.example.org\"]}]",
                result.path("sinks").get(0).path("changelog").toString(), result.toString());
    }

    @Test
    void unknownJarNameIsAnErrorAtItsPosition() {
        JsonNode result = api.ok(api.post("/api/sql/validate", Map.of("sql", """
                CREATE TABLE t (id STRING) WITH ('connector' = 'datagen');
                CREATE TABLE s (id STRING) WITH ('connector' = 'blackhole');
                CREATE FUNCTION f AS 'a.B' USING JAR 'never-uploaded';
                INSERT INTO s SELECT id FROM t;
                """)));
        assertEquals(false, result.path("valid").asBoolean(), result.toString());
        JsonNode error = result.path("errors").get(0);
        assertEquals(3, error.path("line").asInt(), result.toString());
        assertEquals(39, error.path("column").asInt(), result.toString());
        assertTrue(error.path("message").asText().contains("never-uploaded"), result.toString());
    }

    private record Visit(String user, String url, String host, long durationMs) {
        String json() {
            return "{\"user_name\":\"" + user + "\",\"url\":\"" + url + "\",\"duration_ms\":" + durationMs + "}";
        }
    }

    private record Stats(String user, long visits, long totalMs, long longestMs, int distinctHosts, String previousHost) {
    }

    private static List<Visit> visits() {
        Random random = new Random(7);
        String[] hosts = {"Shop.Example.com", "docs.example.org", "example.net"};
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String user = "user_" + random.nextInt(5);
            long duration = random.nextInt(5000);
            if (random.nextInt(10) == 0) {
                visits.add(new Visit(user, "not a url", null, duration));
            } else {
                String host = hosts[random.nextInt(hosts.length)];
                visits.add(new Visit(user, "https://" + host + "/p/" + random.nextInt(100) + "?q=" + i,
                        host.toLowerCase(Locale.ROOT), duration));
            }
        }
        return visits;
    }

    /** Running statistics per user, in input order, as VisitStats documents them. */
    private static Map<String, List<Stats>> statsOracle(List<Visit> visits) {
        Map<String, List<Stats>> out = new LinkedHashMap<>();
        Map<String, Set<String>> hosts = new LinkedHashMap<>();
        for (Visit visit : visits) {
            List<Stats> mine = out.computeIfAbsent(visit.user(), u -> new ArrayList<>());
            Set<String> seen = hosts.computeIfAbsent(visit.user(), u -> new LinkedHashSet<>());
            Stats last = mine.isEmpty() ? null : mine.get(mine.size() - 1);
            String previous = last == null ? null : lastHost(visits, visit, mine.size());
            if (visit.host() != null) {
                seen.add(visit.host());
            }
            mine.add(new Stats(visit.user(), (last == null ? 0 : last.visits()) + 1,
                    (last == null ? 0 : last.totalMs()) + visit.durationMs(),
                    Math.max(last == null ? 0 : last.longestMs(), visit.durationMs()), seen.size(), previous));
        }
        return out;
    }

    /** The host of the user's visit before the {@code count + 1}-th. */
    private static String lastHost(List<Visit> visits, Visit current, int count) {
        int seen = 0;
        for (Visit visit : visits) {
            if (visit.user().equals(current.user())) {
                seen++;
                if (seen == count) {
                    return visit.host();
                }
            }
        }
        throw new IllegalStateException("no earlier visit");
    }

    @Test
    void processTableFunctionAndScalarFunctionFromUploadedJarRunOnTheCluster() throws Exception {
        api.ok(api.postBytes("/api/jars?name=it-example-udfs", FunctionJarBuilder.build(EXAMPLE_SOURCES)));
        api.createTopic("it_udf_visits", 1);
        api.createTopic("it_udf_stats", 1);
        List<Visit> visits = visits();
        api.produce("it_udf_visits", visits.stream().map(Visit::json).toList());
        // the example's own script, on this test's topics and jar
        api.deploy("it-udf-visit-stats", exampleScript()
                .replace("'example-udfs'", "'it-example-udfs'")
                .replace("'topic' = 'visits'", "'topic' = 'it_udf_visits'")
                .replace("'topic' = 'visit_stats'", "'topic' = 'it_udf_stats'")
                .replace("'properties.group.id' = 'visit-stats'", "'properties.group.id' = 'it-udf-visit-stats'"));

        Map<String, List<Stats>> expected = statsOracle(visits);
        Map<String, List<Stats>> actual = new LinkedHashMap<>();
        for (JsonNode record : api.readAtLeast("it_udf_stats", visits.size(), WAIT)) {
            JsonNode v = JSON.readTree(record.path("value").asText());
            actual.computeIfAbsent(v.path("user_name").asText(), u -> new ArrayList<>()).add(new Stats(
                    v.path("user_name").asText(), v.path("visits").asLong(), v.path("total_ms").asLong(),
                    v.path("longest_ms").asLong(), v.path("distinct_hosts").asInt(),
                    v.path("previous_host").isNull() ? null : v.path("previous_host").asText()));
        }
        assertEquals(new TreeMap<>(expected), new TreeMap<>(actual));

        ApiClient.Answer inUse = api.delete("/api/jars/it-example-udfs");
        assertEquals(409, inUse.status(), inUse.body().toString());
    }

    @Test
    void deterministicFunctionRunsOncePerRowAndVolatileOncePerCall() throws Exception {
        api.ok(api.postBytes("/api/jars?name=it-counters", FunctionJarBuilder.build(COUNTER_SOURCES)));
        api.createTopic("it_reuse_in", 1);
        api.createTopic("it_reuse_out", 1);
        int rows = 40;
        List<String> events = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            events.add("{\"id\":\"e" + i + "\"}");
        }
        api.produce("it_reuse_in", events);
        String script = """
                CREATE FUNCTION counted AS 'io.sluice.it.udfs.CallCounter' USING JAR 'it-counters';
                CREATE TEMPORARY FUNCTION volatile_counted AS 'io.sluice.it.udfs.VolatileCallCounter' LANGUAGE JAVA
                  USING JAR 'it-counters';
                CREATE TABLE events (id STRING) WITH (
                  'connector' = 'kafka', 'topic' = 'it_reuse_in', 'connection' = 'local-kafka',
                  'properties.group.id' = 'it-reuse', 'scan.startup.mode' = 'earliest-offset', 'format' = 'json');
                CREATE TABLE counted_out (id STRING, a BIGINT, b BIGINT, c INT, v1 BIGINT, v2 BIGINT) WITH (
                  'connector' = 'kafka', 'topic' = 'it_reuse_out', 'connection' = 'local-kafka', 'format' = 'json');
                INSERT INTO counted_out
                  SELECT id, counted(id), counted(id) + 1, CHAR_LENGTH(CAST(counted(id) AS STRING)),
                         volatile_counted(id), volatile_counted(id)
                  FROM events WHERE counted(id) > 0 AND volatile_counted(id) > 0;
                """;
        String plan = api.ok(api.post("/api/sql/explain", Map.of("sql", script))).path("plan").asText();
        assertTrue(plan.contains("udf call reuse: counted"), plan);
        assertTrue(!plan.contains("udf call reuse: volatile_counted"), plan);
        api.deploy("it-udf-reuse", script);

        List<JsonNode> out = api.readAtLeast("it_reuse_out", rows, WAIT);
        assertEquals(rows, out.size());
        for (int i = 1; i <= rows; i++) {
            JsonNode v = JSON.readTree(out.get(i - 1).path("value").asText());
            assertEquals("e" + (i - 1), v.path("id").asText());
            // once per row: the n-th row's calls all return n
            assertEquals(i, v.path("a").asLong(), v.toString());
            assertEquals(i + 1, v.path("b").asLong(), v.toString());
            assertEquals(String.valueOf(i).length(), v.path("c").asInt(), v.toString());
            // never merged: three calls per row (WHERE and twice in SELECT), each a new count
            long v1 = v.path("v1").asLong();
            long v2 = v.path("v2").asLong();
            assertNotEquals(v1, v2, v.toString());
            assertTrue(v1 > 3L * (i - 1) && v1 <= 3L * i && v2 > 3L * (i - 1) && v2 <= 3L * i, v.toString());
        }
    }
}
