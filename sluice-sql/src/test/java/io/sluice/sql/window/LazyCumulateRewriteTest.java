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

class LazyCumulateRewriteTest {
    private static final ConnectionResolver CONNECTIONS = name -> Optional.of(new ResolvedConnection(name,
            Map.of("properties.bootstrap.servers", "127.0.0.1:19092"), Set.of()));
    private final SqlCompiler compiler = new SqlCompiler(CONNECTIONS, Map.of(), JobSettings.DEFAULTS, Duration.ofSeconds(1));

    private static final String TABLES = """
            CREATE TABLE page_views (page STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH (
              'connector' = 'kafka', 'topic' = 'views', 'connection' = 'k', 'properties.group.id' = 'g',
              'scan.startup.mode' = 'earliest-offset', 'format' = 'json');
            CREATE TABLE curve (page STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), pv BIGINT) WITH (
              'connector' = 'kafka', 'topic' = 'curve', 'connection' = 'k', 'format' = 'json');
            """;

    @Test
    void insertsLazyEmissionAfterTheCumulativeWindowAggregate() {
        CompiledJob job = compiler.compile(TABLES + """
                INSERT INTO curve
                SELECT page, window_start, window_end, COUNT(*) AS pv
                FROM TABLE(LAZY_CUMULATE(TABLE page_views, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '1' DAY))
                GROUP BY page, window_start, window_end;
                """, JobSettings.DEFAULTS, "lazy");
        assertEquals(List.of("lazy emission after GlobalWindowAggregate (CUMULATE step 1 min, size 1 d; key: page)"),
                job.rewritesApplied());
        assertTrue(job.explain().contains("== Sluice Rewrites ==\n" + job.rewritesApplied().get(0)), job.explain());
    }

    @Test
    void leavesPlainCumulativeWindowsAlone() {
        CompiledJob job = compiler.compile(TABLES + """
                INSERT INTO curve
                SELECT page, window_start, window_end, COUNT(*) AS pv
                FROM TABLE(CUMULATE(TABLE page_views, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '1' DAY))
                GROUP BY page, window_start, window_end;
                """, JobSettings.DEFAULTS, "plain");
        assertEquals(List.of(), job.rewritesApplied());
    }

    @Test
    void rejectsTheSameWindowUsedLazilyAndNotAtThePlainCall() {
        String script = TABLES + """
                INSERT INTO curve
                SELECT page, window_start, window_end, COUNT(*) AS pv
                FROM TABLE(LAZY_CUMULATE(TABLE page_views, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '1' DAY))
                GROUP BY page, window_start, window_end;
                INSERT INTO curve
                SELECT page, window_start, window_end, COUNT(*) AS pv
                FROM TABLE(CUMULATE(TABLE page_views, DESCRIPTOR(ts), INTERVAL '60' SECOND, INTERVAL '24' HOUR))
                GROUP BY page, window_start, window_end;
                """;
        SqlScriptException error = assertThrows(SqlScriptException.class, () -> compiler.compile(script, JobSettings.DEFAULTS, "mixed"));
        SqlError at = error.errors().get(0);
        assertEquals(12, at.line(), at.toString());
        assertEquals(12, at.column(), at.toString());
        assertTrue(at.message().contains("also used as LAZY_CUMULATE"), at.message());
    }

    @Test
    void flinkErrorsKeepPointingAtTheUsersColumns() {
        String script = TABLES + """
                INSERT INTO curve
                SELECT page, window_start, window_end, COUNT(*) AS pv
                FROM TABLE(LAZY_CUMULATE(TABLE page_views, DESCRIPTOR(no_such_column), INTERVAL '1' MINUTE, INTERVAL '1' DAY))
                GROUP BY page, window_start, window_end;
                """;
        SqlScriptException error = assertThrows(SqlScriptException.class,
                () -> compiler.compile(script, JobSettings.DEFAULTS, "bad").explain());
        SqlError at = error.errors().get(0);
        String line = script.lines().toList().get(7);
        assertEquals(8, at.line(), at.toString());
        assertEquals(line.indexOf("no_such_column") + 1, at.column(), at.toString());
    }
}
