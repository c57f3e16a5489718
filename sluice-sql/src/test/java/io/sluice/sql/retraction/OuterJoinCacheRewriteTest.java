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

class OuterJoinCacheRewriteTest {
    private static final String TABLES = """
            CREATE TABLE bids (auction BIGINT, bidder BIGINT, price BIGINT) WITH ('connector' = 'datagen');
            CREATE TABLE people (id BIGINT, name STRING) WITH ('connector' = 'datagen');
            CREATE TABLE joined (auction BIGINT, bidder BIGINT, price BIGINT, name STRING) WITH ('connector' = 'blackhole');
            """;

    private final SqlCompiler compiler = new SqlCompiler(ConnectionResolver.NONE, Map.of(), JobSettings.DEFAULTS, Duration.ZERO);

    @Test
    void cachesPaddedRowsAfterALeftJoinByDefault() {
        List<String> applied = compiler.compile(TABLES + """
                INSERT INTO joined SELECT B.auction, B.bidder, B.price, P.name
                FROM bids AS B LEFT JOIN people AS P ON B.bidder = P.id;
                """, JobSettings.DEFAULTS, "test").rewritesApplied();
        assertEquals(1, applied.size(), applied.toString());
        assertTrue(applied.get(0).startsWith("outer-join cache (2 min) after "), applied.get(0));
        assertTrue(applied.get(0).contains("LeftOuterJoin (key: (bidder = id))"), applied.get(0));
    }

    @Test
    void leavesInnerJoinsAndSwitchedOffJobsAlone() {
        String inner = TABLES + """
                INSERT INTO joined SELECT B.auction, B.bidder, B.price, P.name
                FROM bids AS B JOIN people AS P ON B.bidder = P.id;
                """;
        assertEquals(List.of(), compiler.compile(inner, JobSettings.DEFAULTS, "test").rewritesApplied());
        String off = "SET 'sluice.retraction.outer-join-cache-interval' = 'off';\n" + TABLES + """
                INSERT INTO joined SELECT B.auction, B.bidder, B.price, P.name
                FROM bids AS B FULL JOIN people AS P ON B.bidder = P.id;
                """;
        assertEquals(List.of(), compiler.compile(off, JobSettings.DEFAULTS, "test").rewritesApplied());
    }

    @Test
    void cachesEveryOuterJoinOfAJob() {
        List<String> applied = compiler.compile(TABLES + """
                CREATE TABLE people_bids (id BIGINT, name STRING, price BIGINT) WITH ('connector' = 'blackhole');
                INSERT INTO joined SELECT B.auction, B.bidder, B.price, P.name
                FROM bids AS B LEFT JOIN people AS P ON B.bidder = P.id;
                INSERT INTO people_bids SELECT P.id, P.name, B.price
                FROM bids AS B RIGHT JOIN people AS P ON B.bidder = P.id AND B.price > 10;
                """, JobSettings.DEFAULTS, "test").rewritesApplied();
        assertEquals(2, applied.size(), applied.toString());
        assertTrue(applied.stream().anyMatch(line -> line.contains("RightOuterJoin")), applied.toString());
    }

    @Test
    void explainShowsTheCacheOfAFullJoin() {
        String plan = compiler.compile("SET 'sluice.retraction.outer-join-cache-interval' = '30 s';\n" + TABLES + """
                INSERT INTO joined SELECT B.auction, B.bidder, B.price, P.name
                FROM bids AS B FULL JOIN people AS P ON B.bidder = P.id;
                """, JobSettings.DEFAULTS, "test").explain();
        assertTrue(plan.contains("== Sluice Rewrites ==\nouter-join cache (30 s) after "), plan);
        assertTrue(plan.contains("FullOuterJoin (key: (bidder = id))"), plan);
    }
}
