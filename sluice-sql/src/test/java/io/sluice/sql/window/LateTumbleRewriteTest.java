package io.sluice.sql.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.sluice.sql.CompiledJob;
import io.sluice.sql.JobSettings;
import io.sluice.sql.SqlCompiler;
import io.sluice.sql.SqlError;
import io.sluice.sql.SqlScriptException;
import io.sluice.sql.catalog.ConnectionResolver;
import io.sluice.sql.catalog.ResolvedConnection;

class LateTumbleRewriteTest {
    private static final ConnectionResolver CONNECTIONS = name -> name.equals("k")
            ? Optional.of(new ResolvedConnection(name, Map.of("properties.bootstrap.servers", "127.0.0.1:19092"), Set.of()))
            : Optional.empty();
    private final SqlCompiler compiler = new SqlCompiler(CONNECTIONS, Map.of(), JobSettings.DEFAULTS, Duration.ofSeconds(1));

    private static final String TABLES = """
            CREATE TABLE clicks (page STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH (
              'connector' = 'kafka', 'topic' = 'clicks', 'connection' = 'k', 'properties.group.id' = 'g',
              'scan.startup.mode' = 'earliest-offset', 'format' = 'json');
            CREATE TABLE totals (page STRING, window_start TIMESTAMP(3), pv BIGINT, PRIMARY KEY (page, window_start) NOT ENFORCED)
              WITH ('connector' = 'upsert-kafka', 'topic' = 'totals', 'connection' = 'k', 'key.format' = 'json', 'value.format' = 'json');
            """;
    private static final String GROUP_WINDOW = """
            INSERT INTO totals
            SELECT page, TUMBLE_START(ts, INTERVAL '1' MINUTE), COUNT(*) FROM clicks
            GROUP BY page, TUMBLE(ts, INTERVAL '1' MINUTE);
            """;

    @Test
    void divertsTooLateRowsAndCoalescesCorrections() {
        CompiledJob job = compiler.compile("""
                SET 'sluice.window.allowed-lateness' = '10 min';
                SET 'sluice.late-rows.topic' = 'late_clicks';
                SET 'sluice.late-rows.connection' = 'k';
                """ + TABLES + GROUP_WINDOW, JobSettings.DEFAULTS, "late");
        String plan = job.explain();
        assertTrue(plan.contains("emit=[late no delay]"), plan);
        assertEquals(List.of(
                "late rows diverted before GroupWindowAggregate (TUMBLE 1 min, allowed lateness 10 min; rows later than that: "
                        + "counted in sluiceLateRows, written to topic late_clicks)",
                "late corrections coalesced after GroupWindowAggregate (at most one per 1 min per window and key, "
                        + "the last one when the window closes, without retraction (upsert sink); key: page)"), job.rewritesApplied());
    }

    @Test
    void withoutALateRowsTopicLateRowsAreCountedAndTheIntervalCanBeSet() {
        CompiledJob job = compiler.compile("""
                SET 'sluice.window.allowed-lateness' = '30 s';
                SET 'sluice.window.late-fire-interval' = '5 s';
                """ + TABLES + GROUP_WINDOW, JobSettings.DEFAULTS, "late");
        assertEquals(List.of(
                "late rows diverted before GroupWindowAggregate (TUMBLE 1 min, allowed lateness 30 s; rows later than that: "
                        + "counted in sluiceLateRows and logged)",
                "late corrections coalesced after GroupWindowAggregate (at most one per 5 s per window and key, "
                        + "the last one when the window closes, without retraction (upsert sink); key: page)"), job.rewritesApplied());
    }

    @Test
    void retractsBeforeACorrectionForConsumersWithoutAPrimaryKey() {
        CompiledJob job = compiler.compile("SET 'sluice.window.allowed-lateness' = '30 s';\n" + TABLES + """
                CREATE TABLE changes (page STRING, window_start TIMESTAMP(3), pv BIGINT) WITH ('connector' = 'blackhole');
                INSERT INTO changes
                SELECT page, TUMBLE_START(ts, INTERVAL '1' MINUTE), COUNT(*) FROM clicks
                GROUP BY page, TUMBLE(ts, INTERVAL '1' MINUTE);
                """, JobSettings.DEFAULTS, "retracting");
        assertEquals("late corrections coalesced after GroupWindowAggregate (at most one per 1 min per window and key, "
                + "the last one when the window closes; key: page)", job.rewritesApplied().get(1));
    }

    @Test
    void leavesTumblingWindowsWithoutAllowedLatenessAlone() {
        assertEquals(List.of(), compiler.compile(TABLES + GROUP_WINDOW, JobSettings.DEFAULTS, "plain").rewritesApplied());
    }

    @Test
    void namesTheSupportedFormWhenTheWindowFunctionFormIsUsed() {
        String script = "SET 'sluice.window.allowed-lateness' = '10 min';\n" + TABLES + """
                INSERT INTO totals
                SELECT page, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
                GROUP BY page, window_start, window_end;
                """;
        SqlScriptException error = assertThrows(SqlScriptException.class,
                () -> compiler.compile(script, JobSettings.DEFAULTS, "tvf").explain());
        SqlError at = error.errors().get(0);
        assertTrue(at.message().contains("GROUP BY key, TUMBLE(time_column, INTERVAL ...)"), at.message());
    }

    @Test
    void aLateRowsTopicNeedsAKnownConnection() {
        String script = """
                SET 'sluice.window.allowed-lateness' = '10 min';
                SET 'sluice.late-rows.topic' = 'late_clicks';
                SET 'sluice.late-rows.connection' = 'nope';
                """ + TABLES + GROUP_WINDOW;
        SqlScriptException error = assertThrows(SqlScriptException.class, () -> compiler.compile(script, JobSettings.DEFAULTS, "x"));
        assertEquals(3, error.errors().get(0).line(), error.getMessage());
        assertTrue(error.errors().get(0).message().contains("no connection named 'nope'"), error.getMessage());
    }
}
