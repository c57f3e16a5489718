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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.sluice.server.SluiceServer;
import io.sluice.server.store.LocalMariaDb;
import io.sluice.server.store.LocalPostgres;
import io.sluice.server.testing.Poll;

/**
 * At-least-once plus idempotent upsert is effectively exactly-once: a continuous aggregation and a
 * lookup join against a dimension table (IP prefix to city, cached) upsert into real PostgreSQL and
 * MariaDB tables while the TaskManager is killed; the final tables equal the oracle.
 */
class JdbcUpsertUnderFailuresIT {
    private static final Map<String, String> CITIES = Map.of("10.1", "Berlin", "10.2", "Shenzhen", "10.3", "Hangzhou");
    private static LocalPostgres postgres;
    private static LocalMariaDb mariaDb;

    private final ApiClient api = SharedServer.client();
    private final SluiceServer server = SharedServer.server();

    /** How the test reaches one database: its JDBC URL and credentials. */
    private record Database(String name, String url, String user) {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, "");
        }
    }

    @BeforeAll
    static void startDatabases() throws SQLException {
        postgres = SharedDatabases.postgres();
        mariaDb = SharedDatabases.mariaDb("sluice_test");
    }

    @AfterEach
    void stopJobs() {
        api.stopAll();
    }

    @Test
    void postgresUpsertTablesEqualTheOracleAfterKilledTaskManagers() throws Exception {
        runScenario(new Database("pg", postgres.jdbcUrl(), postgres.user()));
    }

    @Test
    void mariaDbUpsertTablesEqualTheOracleAfterKilledTaskManagers() throws Exception {
        runScenario(new Database("maria", mariaDb.jdbcUrl("sluice_test"), "root"));
    }

    private void runScenario(Database database) throws Exception {
        try (Connection db = database.connect(); Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE user_totals (user_name VARCHAR(64) PRIMARY KEY, clicks BIGINT NOT NULL)");
            statement.execute("CREATE TABLE city_totals (city VARCHAR(64) PRIMARY KEY, clicks BIGINT NOT NULL)");
            statement.execute("CREATE TABLE ip_city (prefix VARCHAR(16) PRIMARY KEY, city VARCHAR(64) NOT NULL)");
            for (Map.Entry<String, String> city : CITIES.entrySet()) {
                statement.execute("INSERT INTO ip_city VALUES ('" + city.getKey() + "', '" + city.getValue() + "')");
            }
        }
        String connection = database.name() + "-test";
        String topic = database.name() + "_in";
        String job = database.name() + "-upsert";
        api.ok(api.post("/api/connections", Map.of("name", connection, "type", "jdbc",
                "properties", Map.of("url", database.url(), "username", database.user()),
                // the test databases trust local connections; the password is there because the connector wants both
                "secrets", Map.of("password", "not-checked"))));
        api.createTopic(topic, 1);
        api.ok(api.post("/api/jobs", Map.of("name", job, "settings", Map.of("checkpointIntervalMs", 1000), "sql", """
                CREATE TABLE clicks (user_name STRING, ip STRING, proc AS PROCTIME()) WITH (
                  'connector' = 'kafka', 'topic' = '%1$s', 'connection' = 'local-kafka',
                  'properties.group.id' = '%2$s', 'scan.startup.mode' = 'earliest-offset', 'format' = 'json');
                CREATE TABLE ip_city (prefix STRING, city STRING, PRIMARY KEY (prefix) NOT ENFORCED) WITH (
                  'connector' = 'jdbc', 'connection' = '%3$s', 'table-name' = 'ip_city',
                  'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '1000',
                  'lookup.partial-cache.expire-after-write' = '10 min');
                CREATE TABLE user_totals (user_name STRING, clicks BIGINT, PRIMARY KEY (user_name) NOT ENFORCED) WITH (
                  'connector' = 'jdbc', 'connection' = '%3$s', 'table-name' = 'user_totals');
                CREATE TABLE city_totals (city STRING, clicks BIGINT, PRIMARY KEY (city) NOT ENFORCED) WITH (
                  'connector' = 'jdbc', 'connection' = '%3$s', 'table-name' = 'city_totals');
                INSERT INTO user_totals SELECT user_name, COUNT(*) FROM clicks GROUP BY user_name;
                INSERT INTO city_totals
                SELECT d.city, COUNT(*)
                FROM clicks AS c JOIN ip_city FOR SYSTEM_TIME AS OF c.proc AS d
                  ON SUBSTRING(c.ip FROM 1 FOR 4) = d.prefix
                GROUP BY d.city;
                """.formatted(topic, job, connection))));
        api.ok(api.post("/api/jobs/" + job + "/deploy", Map.of()));

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
            api.produce(topic, values);
            if (batch % 2 == 1) {
                // right after a batch arrives, while the job is busy with it
                new TaskManagerKiller(api, server).killAndAwaitRecovery(job);
            }
        }

        assertEquals(expectedUsers, awaitTable(database, "user_totals", "user_name", expectedUsers));
        assertEquals(expectedCities, awaitTable(database, "city_totals", "city", expectedCities));
    }

    private static Map<String, Long> awaitTable(Database database, String table, String key, Map<String, Long> expected)
            throws Exception {
        return Poll.until(Duration.ofMinutes(3), Duration.ofMillis(500), () -> read(database, table, key), expected::equals);
    }

    private static Map<String, Long> read(Database database, String table, String key) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection db = database.connect();
                Statement statement = db.createStatement();
                ResultSet result = statement.executeQuery("SELECT " + key + ", clicks FROM " + table)) {
            while (result.next()) {
                rows.put(result.getString(1), result.getLong(2));
            }
        }
        return rows;
    }
}
