package io.sluice.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.transformations.PartitionTransformation;
import org.junit.jupiter.api.Test;

class OperatorIdentitiesTest {
    private final SqlCompiler compiler = new SqlCompiler(name -> Optional.empty(), Map.of(), JobSettings.DEFAULTS,
            Duration.ofSeconds(1));

    private static final String TABLES = """
            CREATE TABLE clicks (user_name STRING, page INT, %s ts TIMESTAMP(3),
              WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');
            CREATE TABLE pages (page INT, title STRING) WITH ('connector' = 'datagen');
            CREATE TABLE per_user (user_name STRING, n BIGINT, %s PRIMARY KEY (user_name) NOT ENFORCED)
              WITH ('connector' = 'blackhole');
            CREATE TABLE per_minute (page INT, window_start TIMESTAMP(3), n BIGINT) WITH ('connector' = 'blackhole');
            CREATE TABLE titled (page INT, title STRING) WITH ('connector' = 'blackhole');
            """;

    private static String job(String extraColumn, String label, String filter, String aggregate) {
        return TABLES.formatted(extraColumn, label.isEmpty() ? "" : "label STRING,") + """
                INSERT INTO per_user SELECT user_name, %s %s FROM clicks %s GROUP BY user_name;
                INSERT INTO per_minute SELECT page, window_start, COUNT(*)
                  FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
                  GROUP BY page, window_start, window_end;
                INSERT INTO titled SELECT c.page, p.title FROM clicks c JOIN pages p ON c.page = p.page;
                """.formatted(aggregate, label, filter);
    }

    @Test
    void filterAndColumnsAddedKeepTheIdentitiesOfStatefulOperators() {
        Map<String, String> before = statefulUids(job("", "", "", "COUNT(*)"));
        Map<String, String> after = statefulUids(job("referrer STRING,", ", CONCAT('user-', user_name)",
                "WHERE page > 3", "COUNT(*)"));
        assertEquals(before, after);
        assertEquals(List.of("GroupAggregate", "Join", "WindowAggregate", "clicks", "pages", "per_minute", "per_user", "titled"),
                List.copyOf(before.keySet()));
    }

    @Test
    void aggregateThatStoresSomethingElseGetsANewIdentity() {
        Map<String, String> before = statefulUids(job("", "", "", "COUNT(*)"));
        Map<String, String> after = statefulUids(job("", "", "", "COUNT(DISTINCT page)"));
        assertNotEquals(before.get("GroupAggregate"), after.get("GroupAggregate"));
        assertEquals(before.get("Join"), after.get("Join"));
        assertEquals(before.get("clicks"), after.get("clicks"));
    }

    @Test
    void everyOperatorHasADistinctUid() {
        List<String> uids = operators(job("", "", "", "COUNT(*)")).stream().map(Transformation::getUid).toList();
        assertEquals(uids.size(), Set.copyOf(uids).size(), uids.toString());
    }

    /**
     * Uids of sources, sinks and keyed operators, by table or operator kind (the global half of a
     * two-phase aggregation, as the job profile plans it, by the aggregation's kind).
     */
    private Map<String, String> statefulUids(String script) {
        Map<String, String> uids = new TreeMap<>();
        for (Transformation<?> operator : operators(script)) {
            String name = operator.getName().replaceAll("\\[\\d+]$", "").replaceFirst("^Global", "");
            if (operator.getUid().startsWith("sluice-source-") || operator.getUid().startsWith("sluice-sink-")
                    || List.of("GroupAggregate", "WindowAggregate", "Join").contains(name)) {
                uids.put(name, operator.getUid());
            }
        }
        return uids;
    }

    /** Every operator of the planned job once (exchanges are not operators). */
    private List<Transformation<?>> operators(String script) {
        Map<Transformation<?>, Boolean> seen = new IdentityHashMap<>();
        Deque<Transformation<?>> pending = new ArrayDeque<>(
                compiler.compile(script, JobSettings.DEFAULTS, "t").plannedWithStableIdentities());
        while (!pending.isEmpty()) {
            Transformation<?> next = pending.pop();
            if (seen.put(next, true) == null) {
                pending.addAll(next.getInputs());
            }
        }
        return seen.keySet().stream().filter(t -> !(t instanceof PartitionTransformation<?>)).toList();
    }
}
