package io.sluice.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.sluice.server.SluiceServer;
import io.sluice.server.store.LocalPostgres;

/**
 * At-least-once plus idempotent upsert is effectively exactly-once: a continuous aggregation and a
 * lookup join against a PostgreSQL dimension table (IP prefix to city, cached) upsert into real
 * PostgreSQL tables while the TaskManager is killed; the final tables equal the oracle.
 */
class JdbcUpsertUnderFailuresIT {
    private static final Map<String, String> CITIES = Map.of("10.1", "Berlin", "10.2", "Shenzhen", "10.3", "Hangzhou");
    private static LocalPostgres postgres;

    private final ApiClient api = SharedServer.client();
    private final SluiceServer server = SharedServer.server();

    @BeforeAll
    static void startPostgres() throws SQLException {
        postgres = LocalPostgres.start();
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
                Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE user_totals (user_name TEXT PRIMARY KEY, clicks BIGINT NOT NULL)");
            statement.execute("CREATE TABLE city_totals (city TEXT PRIMARY KEY, clicks BIGINT NOT NULL)");
            statement.execute("CREATE TABLE ip_city (prefix TEXT PRIMARY KEY, city TEXT NOT NULL)");
            for (Map.Entry<String, String> city : CITIES.entrySet()) {
                statement.execute("INSERT INTO ip_city VALUES ('" + city.getKey() + "', '" + city.getValue() + "')");
            }
        }
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void stopJobs() {
        api.stopAll();
    }

    @Test
    void upsertTablesEqualTheOracleAfterKilledTaskManagers() throws Exception {
        api.ok(api.post("/api/connections", Map.of("name", "pg-test", "type", "jdbc",
                "properties", Map.of("url", postgres.jdbcUrl(), "username", postgres.user()),
                // the test server trusts local connections; the password is there because the connector wants both
                "secrets", Map.of("password", "not-checked"))));
        api.createTopic("pg_in", 1);
        api.ok(api.post("/api/jobs", Map.of("name", "pg-upsert", "settings", Map.of("checkpointIntervalMs", 1000), "sql", """
                CREATE TABLE clicks (user_name STRING, ip STRING, proc AS PROCTIME()) WITH (
                  'connector' = 'kafka', 'topic' = 'pg_in', 'connection' = 'local-kafka',
                  'properties.group.id' = 'pg-upsert', 'scan.startup.mode' = 'earliest-offset', 'format' = 'json');
                CREATE TABLE ip_city (prefix STRING, city STRING, PRIMARY KEY (prefix) NOT ENFORCED) WITH (
                  'connector' = 'jdbc', 'connection' = 'pg-test', 'table-name' = 'ip_city',
                  'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '1000',
                  'lookup.partial-cache.expire-after-write' = '10 min');
                CREATE TABLE user_totals (user_name STRING, clicks BIGINT, PRIMARY KEY (user_name) NOT ENFORCED) WITH (
                  'connector' = 'jdbc', 'connection' = 'pg-test', 'table-name' = 'user_totals');
                CREATE TABLE city_totals (city STRING, clicks BIGINT, PRIMARY KEY (city) NOT ENFORCED) WITH (
                  'connector' = 'jdbc', 'connection' = 'pg-test', 'table-name' = 'city_totals');
                INSERT INTO user_totals SELECT user_name, COUNT(*) FROM clicks GROUP BY user_name;
                INSERT INTO city_totals
                SELECT d.city, COUNT(*)
                FROM clicks AS c JOIN ip_city FOR SYSTEM_TIME AS OF c.proc AS d
                  ON SUBSTRING(c.ip FROM 1 FOR 4) = d.prefix
                GROUP BY d.city;
                """)));
        api.ok(api.post("/api/jobs/pg-upsert/deploy", Map.of()));

        Random random = new Random(29);
        List<String> prefixes = new ArrayList<>(new TreeMap<>(CITIES).keySet());
        Map<String, Long> expectedUsers = new TreeMap<>();
        Map<String, Long> expectedCities = new TreeMap<>();
        for (int batch = 0; batch < 4; batch++) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                String user = "u" + random.nextInt(6);
                String prefix = prefixes.get(random.nextInt(prefixes.size()));
                values.add("{\"user_name\":\"" + user + "\",\"ip\":\"" + prefix + "." + random.nextInt(250) + "." + i % 250 + "\"}");
                expectedUsers.merge(user, 1L, Long::sum);
                expectedCities.merge(CITIES.get(prefix), 1L, Long::sum);
            }
            api.produce("pg_in", values);
            if (batch % 2 == 1) {
                Thread.sleep(random.nextInt(2000));
                new TaskManagerKiller(api, server).killAndAwaitRecovery("pg-upsert");
            }
        }

        assertEquals(expectedUsers, awaitTable("user_totals", "user_name", expectedUsers));
        assertEquals(expectedCities, awaitTable("city_totals", "city", expectedCities));
    }

    private static Map<String, Long> awaitTable(String table, String key, Map<String, Long> expected) throws Exception {
        Map<String, Long> rows = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            rows.clear();
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
                    Statement statement = db.createStatement();
                    ResultSet result = statement.executeQuery("SELECT " + key + ", clicks FROM " + table)) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getLong(2));
                }
            }
            if (rows.equals(expected)) {
                return rows;
            }
            Thread.sleep(500);
        }
        return rows;
    }
}
