package io.sluice.sql.retraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sluice.sql.JobSettings;
import io.sluice.sql.SqlCompiler;
import io.sluice.sql.catalog.ConnectionResolver;

class NetChangeBufferRewriteTest {
    private static final String SCRIPT = """
            CREATE TABLE bids (auction BIGINT, bidder BIGINT, price BIGINT) WITH ('connector' = 'datagen');
            CREATE TABLE bidders_per_count (bid_count BIGINT, bidders BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO bidders_per_count
            SELECT bid_count, COUNT(*) FROM (SELECT bidder, COUNT(*) AS bid_count FROM bids GROUP BY bidder)
            GROUP BY bid_count;
            """;

    private final SqlCompiler compiler = new SqlCompiler(ConnectionResolver.NONE, Map.of(), JobSettings.DEFAULTS, Duration.ZERO);

    @Test
    void buffersAfterEachAggregationLevelByDefault() {
        List<String> applied = compiler.compile(SCRIPT, JobSettings.DEFAULTS, "test").rewritesApplied();
        assertEquals(2, applied.size(), applied.toString());
        assertTrue(applied.get(0).startsWith("net-change buffer (2 s) after GlobalGroupAggregate"), applied.toString());
        assertTrue(applied.get(0).contains("(key: bidder)"), applied.toString());
        assertTrue(applied.get(1).contains("(key: bid_count)"), applied.toString());
    }

    @Test
    void offLeavesTheAggregationsAlone() {
        assertEquals(List.of(), compiler.compile("SET 'sluice.retraction.buffer-interval' = 'off';\n" + SCRIPT,
                JobSettings.DEFAULTS, "test").rewritesApplied());
    }

    @Test
    void buffersBeforeAnUpsertSinkFedByAJoin() {
        String script = """
                CREATE TABLE orders (order_id BIGINT, cust BIGINT, amount INT) WITH ('connector' = 'datagen');
                CREATE TABLE customers (id BIGINT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'datagen');
                CREATE TABLE out_rows (order_id BIGINT, name STRING, amount INT, PRIMARY KEY (order_id) NOT ENFORCED)
                  WITH ('connector' = 'blackhole');
                INSERT INTO out_rows SELECT o.order_id, c.name, o.amount FROM orders o LEFT JOIN customers c ON o.cust = c.id;
                """;
        List<String> applied = compiler.compile(script, JobSettings.DEFAULTS, "test").rewritesApplied();
        assertTrue(applied.stream().anyMatch(line -> line.startsWith("net-change buffer (2 s) before the sink after SinkMaterializer")
                && line.contains("(key: order_id)")), applied.toString());
    }
}
