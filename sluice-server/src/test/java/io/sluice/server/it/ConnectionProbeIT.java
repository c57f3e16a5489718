package io.sluice.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.sluice.server.store.LocalPostgres;

/** A connection can be tested, and a database connection lists its tables and columns, against real systems. */
class ConnectionProbeIT {
    private static LocalPostgres postgres;
    private final ApiClient api = SharedServer.client();

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = LocalPostgres.start();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE ip_city (prefix VARCHAR(16) PRIMARY KEY, city VARCHAR(64), hits BIGINT NOT NULL)");
        }
    }

    @AfterAll
    static void stopDatabase() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aDatabaseConnectionAnswersAndListsItsTablesWithColumns() {
        api.ok(api.post("/api/connections", Map.of("name", "probe-pg", "type", "jdbc",
                "properties", Map.of("url", postgres.jdbcUrl(), "username", postgres.user()),
                "secrets", Map.of("password", "trusted-anyway"))));

        JsonNode test = api.ok(api.post("/api/connections/probe-pg/test", Map.of()));
        assertTrue(test.path("ok").asBoolean(), test.toString());
        assertTrue(test.path("detail").asText().startsWith("PostgreSQL 15"), test.toString());

        JsonNode tables = api.ok(api.get("/api/connections/probe-pg/tables"));
        assertEquals(1, tables.size(), tables.toString());
        assertEquals("ip_city", tables.get(0).path("name").asText());
        assertEquals("[{\"name\":\"prefix\",\"type\":\"varchar\",\"nullable\":false},"
                + "{\"name\":\"city\",\"type\":\"varchar\",\"nullable\":true},"
                + "{\"name\":\"hits\",\"type\":\"int8\",\"nullable\":false}]", tables.get(0).path("columns").toString());
    }

    @Test
    void anUnreachableSystemIsReportedWithTheReason() {
        api.ok(api.post("/api/connections", Map.of("name", "probe-nowhere", "type", "jdbc",
                "properties", Map.of("url", "jdbc:postgresql://127.0.0.1:1/none", "username", "x"))));
        JsonNode test = api.ok(api.post("/api/connections/probe-nowhere/test", Map.of()));
        assertFalse(test.path("ok").asBoolean(), test.toString());
        assertTrue(test.path("detail").asText().contains("127.0.0.1:1"), test.toString());
        assertEquals(503, api.get("/api/connections/probe-nowhere/tables").status());
    }

    @Test
    void theKafkaConnectionAnswersAndPointsToItsTopicsForTables() {
        JsonNode test = api.ok(api.post("/api/connections/local-kafka/test", Map.of()));
        assertTrue(test.path("ok").asBoolean(), test.toString());
        assertTrue(test.path("detail").asText().endsWith("with 1 broker"), test.toString());
        ApiClient.Answer tables = api.get("/api/connections/local-kafka/tables");
        assertEquals(400, tables.status());
        assertTrue(tables.body().path("error").asText().contains("/api/topics?connection=local-kafka"), tables.body().toString());
        assertEquals(404, api.post("/api/connections/nobody/test", Map.of()).status());
    }
}
