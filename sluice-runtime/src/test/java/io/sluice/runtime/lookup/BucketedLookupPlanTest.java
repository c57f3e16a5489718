package io.sluice.runtime.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.ExplainDetail;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.api.Test;

/** Where Flink 2.2's planner puts the bucket partitioner: in front of the lookup join, when the hint asks for it. */
class BucketedLookupPlanTest {
    private static final Pattern LOOKUP_INPUT = Pattern.compile(
            "\"type\" : \"LookupJoin\\[\\d+]\",.*?\"ship_strategy\" : \"(\\w+)\"", Pattern.DOTALL);

    @Test
    void shuffleHintPartitionsTheStreamWithTheSourcesPartitioner() {
        assertEquals("CUSTOM", lookupInputStrategy("/*+ LOOKUP('table'='u', 'shuffle'='true') */"));
    }

    @Test
    void withoutTheHintTheStreamIsForwarded() {
        assertEquals("FORWARD", lookupInputStrategy(""));
    }

    private static String lookupInputStrategy(String hint) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("CREATE TABLE clicks (user_id INT, url STRING, proc AS PROCTIME()) WITH ('connector' = 'datagen')");
        env.executeSql("CREATE TABLE users (id BIGINT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ("
                + "'connector' = 'jdbc-bucketed', 'url' = 'jdbc:mysql://localhost:3306/db', 'table-name' = 'users', "
                + "'lookup.bucket.refresh-interval' = '1 min')");
        env.executeSql("CREATE TABLE out_rows (user_id INT, url STRING, name STRING) WITH ('connector' = 'blackhole')");
        String plan = env.explainSql("INSERT INTO out_rows SELECT " + hint + " c.user_id, c.url, u.name FROM clicks AS c "
                + "LEFT JOIN users FOR SYSTEM_TIME AS OF c.proc AS u ON c.user_id = u.id",
                ExplainDetail.JSON_EXECUTION_PLAN);
        Matcher matcher = LOOKUP_INPUT.matcher(plan);
        if (!matcher.find()) {
            throw new AssertionError("no lookup join in the plan:\n" + plan);
        }
        return matcher.group(1);
    }
}
