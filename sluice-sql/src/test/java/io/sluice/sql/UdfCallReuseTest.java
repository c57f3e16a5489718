package io.sluice.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

import io.sluice.sql.function.FunctionJars;
import io.sluice.sql.profile.JobProfile;
import io.sluice.sql.rewrite.PlanRewrites;

/** Repeated calls of a deterministic user function in one row run it once; Flink alone runs it per occurrence. */
class UdfCallReuseTest {
    private static final int ROWS = 5;
    private static final String QUERY = """
            SELECT k, counted(k) AS a, counted(k) + 1 AS b, CHAR_LENGTH(CAST(counted(k) AS STRING)) AS c,
                   volatile_counted(k) AS v1, volatile_counted(k) AS v2
            FROM v WHERE counted(k) > 0 AND volatile_counted(k) > 0""";

    /** Counts its invocations; declared deterministic, which reuse relies on (the count is for the test). */
    public static final class Counted extends ScalarFunction {
        static final AtomicLong INVOCATIONS = new AtomicLong();

        public long eval(String key) {
            return INVOCATIONS.incrementAndGet();
        }
    }

    /** Counts its invocations and says it is not deterministic, so its calls must never be merged. */
    public static final class VolatileCounted extends ScalarFunction {
        static final AtomicLong INVOCATIONS = new AtomicLong();

        public long eval(String key) {
            return INVOCATIONS.incrementAndGet();
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }

    private static List<Row> run(String reuse) throws Exception {
        return run(reuse, QUERY);
    }

    private static ScriptEnvironment environment(String reuse) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            values.append(i == 0 ? "" : ", ").append("('k").append(i).append("')");
        }
        return environment(reuse, values.toString(), "INSERT INTO out_t SELECT k FROM v;");
    }

    private static ScriptEnvironment environment(String reuse, String values, String insert) {
        String script = "SET 'sluice.udf.reuse' = '" + reuse + "';\n"
                + "CREATE TEMPORARY FUNCTION counted AS '" + Counted.class.getName() + "';\n"
                + "CREATE FUNCTION volatile_counted AS '" + VolatileCounted.class.getName() + "' LANGUAGE JAVA;\n"
                + "CREATE VIEW v AS SELECT * FROM (VALUES " + values + ") AS t(k);\n"
                + "CREATE TABLE out_t (k STRING) WITH ('connector' = 'blackhole');\n"
                + insert;
        Configuration configuration = new Configuration();
        JobProfile.DEFAULT.applyTo(configuration);
        configuration.setString("parallelism.default", "1");
        ScriptEnvironment environment = ScriptEnvironment.define(new ScriptSplitter().split(script), configuration,
                StreamExecutionEnvironment::createLocalEnvironment, name -> Optional.empty(), "reuse",
                FunctionJars.NONE);
        return environment;
    }

    private static List<Row> run(String reuse, String query) throws Exception {
        ScriptEnvironment environment = environment(reuse);
        Counted.INVOCATIONS.set(0);
        VolatileCounted.INVOCATIONS.set(0);
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> result = environment.tables().sqlQuery(query).execute().collect()) {
            result.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void deterministicFunctionRunsOncePerRowAndVolatileOnePerCall() throws Exception {
        List<Row> rows = run("true");
        assertEquals(ROWS, rows.size(), rows.toString());
        assertEquals(ROWS, Counted.INVOCATIONS.get());
        assertEquals(3L * ROWS, VolatileCounted.INVOCATIONS.get());
        for (int i = 0; i < ROWS; i++) {
            Row row = rows.get(i);
            long a = (Long) row.getField("a");
            assertEquals(i + 1L, a, rows.toString());
            assertEquals(a + 1, row.getField("b"));
            assertEquals(String.valueOf(a).length(), row.getField("c"));
            assertTrue(!row.getField("v1").equals(row.getField("v2")), rows.toString());
        }
    }

    @Test
    void withReuseOffFlinkRunsEveryOccurrence() throws Exception {
        List<Row> rows = run("false");
        assertEquals(ROWS, rows.size());
        assertEquals(4L * ROWS, Counted.INVOCATIONS.get(), rows.toString());
    }

    @Test
    void callsInCalcsThatFlinkKeepsApartAreReusedToo() throws Exception {
        // the outer query uses the non-deterministic r twice, so Flink cannot merge the two calcs
        String query = """
                SELECT k, counted(k) AS a, r + 1 AS r1, r * 2 AS r2 FROM (
                  SELECT k, volatile_counted(k) AS r FROM v WHERE counted(k) > 0)
                WHERE CHAR_LENGTH(CAST(counted(k) AS STRING)) > 0""";
        String plan = environment("true").tables().explainSql(query);
        assertEquals(2, plan.split("== Optimized Execution Plan ==")[1].split("Calc\\(").length - 1, plan);
        List<Row> rows = run("true", query);
        assertEquals(ROWS, rows.size(), rows.toString());
        assertEquals(ROWS, Counted.INVOCATIONS.get(), rows.toString());
        for (int i = 0; i < ROWS; i++) {
            assertEquals(i + 1L, rows.get(i).getField("a"), rows.toString());
        }
    }

    @Test
    void equalArgumentsInConsecutiveRowsAreEvaluatedOncePerRowAsSubmitted() throws Exception {
        // a job as Sluice submits it: the plan rewrites put a new-row marker before the calls
        ScriptEnvironment environment = environment("true", "('a'), ('a'), ('b'), ('b'), ('b'), ('a')",
                "INSERT INTO out_t SELECT CAST(counted(k) + counted(k) AS STRING) FROM v WHERE counted(k) > 0;");
        StreamStatementSet statements = environment.tables().createStatementSet();
        environment.inserts().forEach(insert -> statements.addInsertSql(insert.text()));
        CompiledJob job = new CompiledJob(environment.environment(), statements, environment.inserts(), environment.mask(),
                environment.tables().getConfig(), PlanRewrites.standard(), environment::tableOptions, environment.notes());
        Counted.INVOCATIONS.set(0);
        assertTrue(job.rewritesApplied().stream().anyMatch(line -> line.startsWith("new-row marker before Calc")),
                job.rewritesApplied().toString());
        environment.environment().execute("reuse");
        assertEquals(6, Counted.INVOCATIONS.get(), "one call per row, equal arguments in consecutive rows included");
    }
}
