package io.sluice.sql.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.sluice.sql.JobSettings;
import io.sluice.sql.SqlCompiler;

class BucketedLookupShuffleTest {
    private final SqlCompiler compiler = new SqlCompiler(name -> Optional.empty(), Map.of(), JobSettings.DEFAULTS, Duration.ofSeconds(1));

    private static final String TABLES = """
            CREATE TABLE clicks (user_id INT, url STRING, proc AS PROCTIME()) WITH ('connector' = 'datagen');
            CREATE TABLE users (name STRING, id BIGINT, PRIMARY KEY (id) NOT ENFORCED) WITH (
              'connector' = 'jdbc-bucketed', 'url' = 'jdbc:postgresql://localhost:5432/db', 'table-name' = 'users');
            CREATE TABLE plain_users (name STRING, id BIGINT, PRIMARY KEY (id) NOT ENFORCED) WITH (
              'connector' = 'jdbc', 'url' = 'jdbc:postgresql://localhost:5432/db', 'table-name' = 'users');
            CREATE TABLE out_rows (user_id INT, url STRING, name STRING) WITH ('connector' = 'blackhole');
            """;

    @Test
    void shufflesTheStreamByTheLookupKeyWithoutAHint() {
        List<String> applied = rewrites("", "users", "");
        assertEquals(List.of("bucketed shuffle before LookupJoin (sluice.default_database.users; key: user_id0)"), applied);
    }

    @Test
    void leavesHintedPlainAndSwitchedOffLookupsAlone() {
        assertEquals(List.of(), rewrites("/*+ LOOKUP('table'='u', 'shuffle'='true') */", "users", ""));
        assertEquals(List.of(), rewrites("", "plain_users", ""));
        assertEquals(List.of(), rewrites("", "users", "SET 'sluice.lookup.bucketed-shuffle' = 'false';\n"));
    }

    @Test
    void aConstantInTheLookupKeyNeedsTheHint() {
        List<String> applied = rewrites("", "users", "", " AND u.name = 'x'");
        assertEquals(1, applied.size());
        assertTrue(applied.get(0).contains("not shuffled") && applied.get(0).contains("'shuffle'='true'"), applied.get(0));
    }

    private List<String> rewrites(String hint, String table, String settings) {
        return rewrites(hint, table, settings, "");
    }

    private List<String> rewrites(String hint, String table, String settings, String condition) {
        String script = settings + TABLES + "INSERT INTO out_rows SELECT " + hint + " c.user_id, c.url, u.name FROM clicks AS c "
                + "LEFT JOIN " + table + " FOR SYSTEM_TIME AS OF c.proc AS u ON c.user_id = u.id" + condition + ";";
        return compiler.compile(script, JobSettings.DEFAULTS, "t").rewritesApplied();
    }
}
