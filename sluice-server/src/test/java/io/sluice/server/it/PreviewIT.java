package io.sluice.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Preview runs a script's queries on the newest records of its Kafka sources, or on typed rows, and writes nothing. */
class PreviewIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ApiClient api = SharedServer.client();

    private static final String SCRIPT = """
            CREATE TABLE clicks (user_name STRING, page INT) WITH (
              'connector' = 'kafka', 'topic' = 'pv_in', 'connection' = 'local-kafka',
              'properties.group.id' = 'pv', 'scan.startup.mode' = 'earliest-offset', 'format' = 'json');
            CREATE TABLE counts (user_name STRING, n BIGINT, PRIMARY KEY (user_name) NOT ENFORCED) WITH (
              'connector' = 'upsert-kafka', 'topic' = 'pv_out', 'connection' = 'local-kafka',
              'key.format' = 'json', 'value.format' = 'json');
            INSERT INTO counts SELECT user_name, COUNT(*) FROM clicks WHERE page <> 0 GROUP BY user_name;
            """;

    @Test
    void previewReadsTheNewestRecordsOfEachPartitionAndWritesNothing() throws Exception {
        api.createTopic("pv_in", 2);
        api.createTopic("pv_out", 1);
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            records.add(Map.of("key", "k" + (i % 7), "value", "{\"user_name\":\"u" + (i % 4) + "\",\"page\":" + (i % 5) + "}"));
        }
        api.ok(api.post("/api/topics/pv_in/records", Map.of("records", records)));
        List<JsonNode> written = api.readAtLeast("pv_in", 60, Duration.ofSeconds(30));

        JsonNode result = api.ok(api.post("/api/sql/preview", Map.of("sql", SCRIPT, "records", 20)));

        JsonNode sink = result.path("sinks").get(0);
        assertEquals("counts", sink.path("table").asText());
        assertTrue(sink.path("complete").asBoolean(), sink.toString());
        assertEquals(expectedCounts(written, 10), rows(sink.path("finalRows")));
        int adds = 0;
        for (JsonNode change : sink.path("changelog")) {
            adds += change.path("kind").asText().startsWith("+") ? 1 : -1;
        }
        assertEquals(sink.path("finalRows").size(), adds, "the changelog folds into the final table");
        assertEquals(0, api.readAtLeast("pv_out", 0, Duration.ofSeconds(1)).size(), "a preview writes nothing");
    }

    @Test
    void typedRowsTakeTheSourcesPlaceAndABadRowIsNamed() {
        List<Object> rows = List.of(Map.of("user_name", "ann", "page", 1), Map.of("user_name", "bob", "page", 0),
                Map.of("user_name", "ann", "page", 2));
        JsonNode result = api.ok(api.post("/api/sql/preview", Map.of("sql", SCRIPT, "samples", Map.of("clicks", rows))));
        JsonNode sink = result.path("sinks").get(0);
        assertEquals("[{\"kind\":\"+I\",\"values\":[\"ann\",1]},{\"kind\":\"-U\",\"values\":[\"ann\",1]},"
                + "{\"kind\":\"+U\",\"values\":[\"ann\",2]}]", sink.path("changelog").toString());
        assertEquals("[[\"ann\",2]]", sink.path("finalRows").toString());

        ApiClient.Answer bad = api.post("/api/sql/preview", Map.of("sql", SCRIPT,
                "samples", Map.of("clicks", List.of("{\"user_name\": \"ann\", \"page\": \"one\"}"))));
        assertEquals(422, bad.status(), bad.body().toString());
        assertTrue(bad.body().path("error").asText().contains("sample row 1"), bad.body().toString());

        ApiClient.Answer noSql = api.post("/api/sql/preview", Map.of("records", 5));
        assertEquals(400, noSql.status(), noSql.body().toString());
    }

    /** Oracle: the last {@code perPartition} records of each partition, counted per user where page is not 0. */
    private static List<List<Object>> expectedCounts(List<JsonNode> written, int perPartition) throws Exception {
        Map<Integer, List<JsonNode>> byPartition = new TreeMap<>();
        for (JsonNode record : written) {
            byPartition.computeIfAbsent(record.path("partition").asInt(), p -> new ArrayList<>()).add(record);
        }
        Map<String, Long> counts = new TreeMap<>();
        for (List<JsonNode> partition : byPartition.values()) {
            partition.sort(Comparator.comparingLong(record -> record.path("offset").asLong()));
            for (JsonNode record : partition.subList(Math.max(0, partition.size() - perPartition), partition.size())) {
                JsonNode click = JSON.readTree(record.path("value").asText());
                if (click.path("page").asInt() != 0) {
                    counts.merge(click.path("user_name").asText(), 1L, Long::sum);
                }
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((user, n) -> rows.add(List.of(user, n)));
        return rows;
    }

    private static List<List<Object>> rows(JsonNode finalRows) {
        List<List<Object>> rows = new ArrayList<>();
        finalRows.forEach(row -> rows.add(List.of(row.get(0).asText(), row.get(1).asLong())));
        rows.sort(Comparator.comparing(row -> (String) row.get(0)));
        return rows;
    }
}
