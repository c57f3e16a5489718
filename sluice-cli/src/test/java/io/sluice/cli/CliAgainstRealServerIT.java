package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.cli.demo.DemoJob;
import io.sluice.cli.demo.DemoJobs;

/**
 * The CLI as a user drives it, against a real server with its embedded Flink and Kafka processes:
 * topics, produce, validate, deploy a window + continuous aggregation job, consume and compare with
 * an oracle computed here, stop.
 */
class CliAgainstRealServerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 1, 12, 0);

    private static Map<String, String> env;

    @TempDir
    Path work;

    @BeforeAll
    static void findServer() {
        env = TestServer.environment();
    }

    private static CliRun sluice(String stdin, String... args) {
        return CliRun.runWith(env, stdin, args);
    }

    private static CliRun ok(CliRun run) {
        assertEquals(0, run.exitCode(), "stdout: " + run.out() + "\nstderr: " + run.err());
        return run;
    }

    @Test
    void everyDemoScriptValidatesAgainstTheRealCatalog() throws Exception {
        for (DemoJob job : DemoJobs.all()) {
            Path file = work.resolve(job.name() + ".sql");
            Files.writeString(file, DemoJobs.script(job, java.time.Instant.now()).text());
            CliRun run = sluice("", "validate", file.toString());
            assertEquals(0, run.exitCode(), job.name() + ": " + run.err());
        }
    }

    @Test
    void previewPrintsEachInsertsChangelogAndFinalTableFromTypedRows() throws Exception {
        Path script = work.resolve("preview.sql");
        Files.writeString(script, """
                CREATE TABLE clicks (user_name STRING, page STRING) WITH (
                  'connector' = 'kafka', 'topic' = 'cli_preview', 'connection' = 'local-kafka',
                  'properties.group.id' = 'preview', 'format' = 'json');
                CREATE TABLE per_user (user_name STRING, hits BIGINT, PRIMARY KEY (user_name) NOT ENFORCED) WITH (
                  'connector' = 'upsert-kafka', 'topic' = 'cli_preview_out', 'connection' = 'local-kafka',
                  'key.format' = 'json', 'value.format' = 'json');
                INSERT INTO per_user SELECT user_name, COUNT(*) AS hits FROM clicks GROUP BY user_name;
                """);
        Path rows = work.resolve("clicks.jsonl");
        Files.writeString(rows, """
                {"user_name": "ann", "page": "p1"}
                {"user_name": "bob", "page": "p1"}
                {"user_name": "ann", "page": "p2"}
                """);
        CliRun run = ok(sluice("", "preview", script.toString(), "--sample", "clicks=" + rows));
        assertEquals("""
                INSERT INTO per_user: 4 changes
                  op  user_name  hits
                  +I  ann        1
                  +I  bob        1
                  -U  ann        1
                  +U  ann        2
                per_user at the end: 2 rows
                  user_name  hits
                  bob        1
                  ann        2
                """, run.out());
    }

    @Test
    void deployedWindowAndContinuousAggregationsMatchTheOracle() throws Exception {
        ok(sluice("", "topic", "create", "cli_clicks", "--partitions", "1"));
        ok(sluice("", "topic", "create", "cli_per_minute"));
        ok(sluice("", "topic", "create", "cli_per_user"));

        // out of order within the 5 s bound, then one row that closes every window before it
        Random random = new Random(3);
        List<String[]> events = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            LocalDateTime time = T0.plusSeconds(2L * i).minusNanos(random.nextInt(3000) * 1_000_000L);
            events.add(new String[] {SQL.format(time.isBefore(T0) ? T0 : time), "u" + random.nextInt(5), "p" + random.nextInt(3)});
        }
        events.add(new String[] {SQL.format(T0.plusMinutes(10)), "closer", "p9"});
        StringBuilder stdin = new StringBuilder();
        for (String[] e : events) {
            stdin.append("{\"ts\":\"").append(e[0]).append("\",\"user_name\":\"").append(e[1])
                    .append("\",\"page\":\"").append(e[2]).append("\"}\n");
        }
        ok(sluice(stdin.toString(), "topic", "produce", "cli_clicks"));

        Path script = work.resolve("check.sql");
        Files.writeString(script, """
                CREATE TABLE clicks (
                  ts TIMESTAMP(3),
                  user_name STRING,
                  page STRING,
                  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
                ) WITH (
                  'connector' = 'kafka', 'topic' = 'cli_clicks', 'connection' = 'local-kafka',
                  'properties.group.id' = 'check', 'scan.startup.mode' = 'earliest-offset', 'format' = 'json'
                );
                CREATE TABLE per_minute (page STRING, minute_start STRING, hits BIGINT) WITH (
                  'connector' = 'kafka', 'topic' = 'cli_per_minute', 'connection' = 'local-kafka', 'format' = 'json'
                );
                CREATE TABLE per_user (user_name STRING, hits BIGINT, PRIMARY KEY (user_name) NOT ENFORCED) WITH (
                  'connector' = 'upsert-kafka', 'topic' = 'cli_per_user', 'connection' = 'local-kafka',
                  'key.format' = 'json', 'value.format' = 'json'
                );
                INSERT INTO per_minute
                SELECT page, DATE_FORMAT(window_start, 'yyyy-MM-dd HH:mm:ss'), COUNT(*)
                FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
                GROUP BY page, window_start, window_end;
                INSERT INTO per_user SELECT user_name, COUNT(*) FROM clicks GROUP BY user_name;
                """);
        assertTrue(ok(sluice("", "validate", script.toString())).out().contains("valid"));
        Path broken = work.resolve("broken.sql");
        Files.writeString(broken, Files.readString(script).replace("GROUP BY user_name", "GROUP BY user_nam"));
        CliRun refused = sluice("", "validate", broken.toString());
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.err().contains(broken + ":21:"), refused.err());

        ok(sluice("", "deploy", script.toString(), "--name", "check", "--parallelism", "1"));
        assertTrue(ok(sluice("", "status", "check")).out().contains("check"));

        Map<String, Long> expectedWindows = new TreeMap<>();
        Map<String, Long> expectedUsers = new TreeMap<>();
        for (String[] e : events) {
            LocalDateTime time = LocalDateTime.parse(e[0].replace(' ', 'T'));
            expectedUsers.merge(e[1], 1L, Long::sum);
            if (!e[1].equals("closer")) {
                expectedWindows.merge(e[2] + "@" + SECONDS.format(time.truncatedTo(ChronoUnit.MINUTES)), 1L, Long::sum);
            }
        }
        CliRun windows = ok(sluice("", "topic", "consume", "cli_per_minute", "--from-beginning",
                "--max", String.valueOf(expectedWindows.size()), "--timeout", "180"));
        Map<String, Long> actualWindows = new TreeMap<>();
        for (String line : windows.outLines()) {
            JsonNode row = JSON.readTree(line);
            actualWindows.put(row.path("page").asText() + "@" + row.path("minute_start").asText(), row.path("hits").asLong());
        }
        assertEquals(expectedWindows, actualWindows);

        Map<String, Long> actualUsers = new TreeMap<>();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!actualUsers.equals(expectedUsers) && System.nanoTime() < deadline) {
            CliRun users = ok(sluice("", "topic", "consume", "cli_per_user", "--from-beginning", "--keys", "--timeout", "3"));
            for (String line : users.outLines()) {
                String[] keyAndValue = line.split("\t", 2);
                actualUsers.put(JSON.readTree(keyAndValue[0]).path("user_name").asText(),
                        JSON.readTree(keyAndValue[1]).path("hits").asLong());
            }
        }
        assertEquals(expectedUsers, actualUsers);

        ok(sluice("", "stop", "check"));
        assertTrue(ok(sluice("", "jobs")).out().contains("STOPPED"));
        List<String> savepoints = ok(sluice("", "savepoints", "check")).outLines();
        assertEquals(1, savepoints.size(), savepoints.toString());
        String id = savepoints.get(0).split("\\s+")[0];
        JsonNode listed = JSON.readTree(ok(sluice("", "savepoints", "check", "--json")).out());
        assertEquals(Long.parseLong(id), listed.get(0).path("id").asLong());
        assertEquals("STOP", listed.get(0).path("trigger").asText());
        assertTrue(ok(sluice("", "restart", "check", "--from-savepoint", id)).out().contains("RUNNING"));
        ok(sluice("", "stop", "check", "--no-savepoint"));
        assertEquals(1, ok(sluice("", "savepoints", "check")).outLines().size());
    }
}
