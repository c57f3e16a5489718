package io.sluice.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.sluice.sql.catalog.ConnectionResolver;
import io.sluice.sql.catalog.ResolvedConnection;

class SqlCompilerTest {
    private static final ConnectionResolver CONNECTIONS = name -> name.equals("local-kafka")
            ? Optional.of(new ResolvedConnection(name,
                    Map.of("properties.bootstrap.servers", "127.0.0.1:19092",
                            "properties.sasl.jaas.config", "s3cr3t-jaas"),
                    Set.of("s3cr3t-jaas")))
            : Optional.empty();

    private final SqlCompiler compiler = new SqlCompiler(CONNECTIONS, Map.of(), JobSettings.DEFAULTS, Duration.ofSeconds(1));

    private static final String SOURCE = """
            CREATE TABLE clicks (
              user_name STRING,
              page_id INT,
              event_time TIMESTAMP(3),
              WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
            ) WITH (
              'connector' = 'kafka',
              'topic' = 'clicks',
              'connection' = 'local-kafka',
              'properties.group.id' = 'g',
              'scan.startup.mode' = 'earliest-offset',
              'format' = 'json'
            );
            """;

    @Test
    void expandsConnectionAndExplainsSeveralInsertsAsOneJob() {
        String script = SOURCE + """
                CREATE TABLE per_user (user_name STRING, page_views BIGINT, PRIMARY KEY (user_name) NOT ENFORCED) WITH (
                  'connector' = 'upsert-kafka', 'topic' = 'per_user', 'connection' = 'local-kafka',
                  'key.format' = 'json', 'value.format' = 'json');
                CREATE TABLE per_minute (page_id INT, window_start TIMESTAMP(3), page_views BIGINT) WITH (
                  'connector' = 'kafka', 'topic' = 'per_minute', 'connection' = 'local-kafka', 'format' = 'json');
                CREATE VIEW named AS SELECT * FROM clicks WHERE user_name IS NOT NULL;
                INSERT INTO per_user SELECT user_name, COUNT(*) FROM named GROUP BY user_name;
                INSERT INTO per_minute
                  SELECT page_id, window_start, COUNT(*) FROM TABLE(
                    TUMBLE(TABLE clicks, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))
                  GROUP BY page_id, window_start, window_end;
                """;
        String plan = compiler.compile(script, JobSettings.DEFAULTS, "test").explain();
        assertTrue(plan.contains("per_user"), plan);
        assertTrue(plan.contains("per_minute"), plan);
        assertTrue(plan.contains("WindowAggregate") || plan.contains("GlobalWindowAggregate"), plan);
        assertFalse(plan.contains("s3cr3t-jaas"), plan);
        assertTrue(plan.contains("== Sluice Rewrites =="), plan);
        assertTrue(compiler.validate(script, JobSettings.DEFAULTS).valid());
    }

    @Test
    void parseErrorPointsAtLineAndColumnOfTheScript() {
        String script = SOURCE + "\nINSERT INTO clicks\nSELECT user_name, page_id, event_time FORM clicks;\n";
        ValidationResult result = compiler.validate(script, JobSettings.DEFAULTS);
        assertFalse(result.valid());
        SqlError error = result.errors().get(0);
        assertEquals(16, error.line(), error.toString());
        assertEquals(44, error.column(), error.toString());
        assertTrue(error.message().contains("line 16, column 44"), error.message());
    }

    @Test
    void unknownColumnPointsAtTheColumn() {
        String script = SOURCE + "\nINSERT INTO clicks\nSELECT user_name, nope, event_time FROM clicks;\n";
        SqlError error = compiler.validate(script, JobSettings.DEFAULTS).errors().get(0);
        assertEquals(16, error.line(), error.toString());
        assertEquals(19, error.column(), error.toString());
        assertTrue(error.message().contains("nope"), error.message());
        assertTrue(error.message().startsWith("SQL validation failed. From line 16, column 19"), error.message());
    }

    @Test
    void unknownConnectionIsAClearErrorAtTheOption() {
        String script = SOURCE.replace("'local-kafka'", "'no-such-kafka'") + "INSERT INTO clicks SELECT * FROM clicks;";
        SqlError error = compiler.validate(script, JobSettings.DEFAULTS).errors().get(0);
        assertEquals(9, error.line(), error.toString());
        assertEquals(3, error.column(), error.toString());
        assertTrue(error.message().contains("no-such-kafka"), error.message());
        assertTrue(error.message().contains("not registered"), error.message());
    }

    @Test
    void updateStreamIntoAppendOnlySinkIsReportedAtItsInsert() {
        String script = SOURCE + "CREATE TABLE out_t (user_name STRING, page_views BIGINT) WITH ("
                + "'connector' = 'kafka', 'topic' = 'o', 'connection' = 'local-kafka', 'format' = 'json');\n"
                + "INSERT INTO out_t SELECT user_name, COUNT(*) FROM clicks GROUP BY user_name;";
        SqlError error = compiler.validate(script, JobSettings.DEFAULTS).errors().get(0);
        assertEquals(15, error.line(), error.toString());
        assertTrue(error.message().contains("update"), error.message());
    }

    @Test
    void checkpointIntervalUnderTheMinimumIsAWarningNotAnError() {
        String script = SOURCE + "INSERT INTO clicks SELECT * FROM clicks;";
        ValidationResult result = compiler.validate(script, JobSettings.of(null, 200L, null));
        assertTrue(result.valid(), result.toString());
        assertEquals(1, result.warnings().size(), result.toString());
        assertTrue(result.warnings().get(0).contains("200 ms"), result.warnings().get(0));
        assertTrue(compiler.validate(script, JobSettings.NONE).warnings().isEmpty());
    }

    @Test
    void settingsFillInFromDefaults() {
        JobSettings effective = new JobSettings(4, null, null, CheckpointMode.AT_LEAST_ONCE, null, null, StateBackendKind.HEAP)
                .withDefaults(JobSettings.DEFAULTS);
        assertEquals(new JobSettings(4, 10_000L, 100L, CheckpointMode.AT_LEAST_ONCE, 600_000L, 0L, StateBackendKind.HEAP),
                effective);
        assertEquals(CheckpointMode.EXACTLY_ONCE, CheckpointMode.parse("exactly-once"));
        assertEquals(StateBackendKind.HEAP, StateBackendKind.parse("hashmap"));
        assertThrows(IllegalArgumentException.class, () -> StateBackendKind.parse("memory"));
    }

    @Test
    void scriptWithoutInsertIsRefused() {
        SqlScriptException e = assertThrows(SqlScriptException.class,
                () -> compiler.compile(SOURCE, JobSettings.DEFAULTS, "t"));
        assertTrue(e.getMessage().contains("INSERT INTO"), e.getMessage());
    }
}
