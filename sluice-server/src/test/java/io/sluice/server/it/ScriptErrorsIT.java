package io.sluice.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Bad input is refused with a reason: SQL errors with line and column, unknown names with a fix. */
class ScriptErrorsIT {
    private final ApiClient api = SharedServer.client();

    private static final String SCRIPT = """
            CREATE TABLE clicks (user_name STRING, page_id INT) WITH (
              'connector' = 'kafka', 'topic' = 't', 'connection' = 'local-kafka',
              'properties.group.id' = 'g', 'scan.startup.mode' = 'earliest-offset', 'format' = 'json');
            CREATE TABLE out_t (user_name STRING) WITH (
              'connector' = 'kafka', 'topic' = 'o', 'connection' = 'local-kafka', 'format' = 'json');
            INSERT INTO out_t
            SELECT user_nme FROM clicks;
            """;

    @Test
    void validateReportsLineAndColumnOfABrokenScript() {
        JsonNode result = api.ok(api.post("/api/sql/validate", Map.of("sql", SCRIPT)));
        assertFalse(result.path("valid").asBoolean());
        JsonNode error = result.path("errors").get(0);
        assertEquals(7, error.path("line").asInt(), error.toString());
        assertEquals(8, error.path("column").asInt(), error.toString());
        assertTrue(error.path("message").asText().contains("user_nme"), error.toString());
    }

    @Test
    void creatingAJobFromBrokenSqlIsRefusedWithThePosition() {
        ApiClient.Answer answer = api.post("/api/jobs", Map.of("name", "broken", "sql", SCRIPT));
        assertEquals(400, answer.status());
        assertEquals(7, answer.body().path("errors").get(0).path("line").asInt());
        assertEquals(404, api.get("/api/jobs/broken").status());
    }

    @Test
    void unknownConnectionIsAClearError() {
        JsonNode result = api.ok(api.post("/api/sql/validate",
                Map.of("sql", SCRIPT.replace("user_nme", "user_name").replaceFirst("local-kafka", "kafka-eu"))));
        JsonNode error = result.path("errors").get(0);
        assertEquals(2, error.path("line").asInt(), error.toString());
        assertTrue(error.path("message").asText().contains("connection 'kafka-eu', which is not registered"), error.toString());
    }

    @Test
    void explainShowsThePlanWithoutSecrets() {
        api.post("/api/connections", Map.of("name", "secure-kafka", "type", "kafka",
                "properties", Map.of("bootstrap.servers", "127.0.0.1:1", "security.protocol", "SASL_PLAINTEXT"),
                "secrets", Map.of("sasl.jaas.config", "very-secret-jaas")));
        JsonNode connection = api.ok(api.get("/api/connections/secure-kafka"));
        assertFalse(connection.toString().contains("very-secret-jaas"), connection.toString());
        assertEquals("sasl.jaas.config", connection.path("secrets").get(0).asText());
        JsonNode plan = api.ok(api.post("/api/sql/explain",
                Map.of("sql", SCRIPT.replace("user_nme", "user_name").replace("local-kafka", "secure-kafka"))));
        assertTrue(plan.path("plan").asText().contains("out_t"), plan.toString());
        assertFalse(plan.toString().contains("very-secret-jaas"));
    }

    @Test
    void badRequestsGetA4xxWithAReason() {
        assertEquals(404, api.get("/api/jobs/no-such-job/status").status());
        ApiClient.Answer badSettings = api.post("/api/jobs",
                Map.of("name", "x", "sql", SCRIPT, "settings", Map.of("parallelism", 0)));
        assertEquals(400, badSettings.status());
        assertTrue(badSettings.body().path("error").asText().contains("parallelism"), badSettings.body().toString());
        assertEquals(404, api.get("/api/topics/no_such_topic/records").status());
    }
}
