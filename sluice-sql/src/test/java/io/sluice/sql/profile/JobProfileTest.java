package io.sluice.sql.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

import io.sluice.sql.JobSettings;
import io.sluice.sql.SqlCompiler;
import io.sluice.sql.catalog.ConnectionResolver;

class JobProfileTest {
    private static final String COUNT_PER_USER = """
            CREATE TABLE clicks (user_name STRING) WITH ('connector' = 'clickstream', 'events' = '10');
            CREATE TABLE counts (user_name STRING, clicks BIGINT) WITH ('connector' = 'blackhole');
            INSERT INTO counts SELECT user_name, COUNT(*) FROM clicks GROUP BY user_name;
            """;

    @Test
    void fillsOnlyOptionsTheConfigurationLeavesOpen() {
        Configuration configuration = Configuration.fromMap(Map.of("table.exec.mini-batch.enabled", "false"));

        new JobProfile(Map.of("table.exec.mini-batch.enabled", "true", "table.exec.mini-batch.size", "5000"))
                .applyTo(configuration);

        assertEquals(Map.of("table.exec.mini-batch.enabled", "false", "table.exec.mini-batch.size", "5000"),
                configuration.toMap());
    }

    @Test
    void everyCompiledJobGetsTheProfileAndASetStatementOverridesIt() {
        SqlCompiler compiler = new SqlCompiler(ConnectionResolver.NONE, Map.of(), JobSettings.DEFAULTS, Duration.ZERO);

        String withProfile = compiler.compile(COUNT_PER_USER, JobSettings.NONE, "profiled").explain();
        String overridden = compiler.compile("SET 'table.exec.mini-batch.enabled' = 'false';\n" + COUNT_PER_USER,
                JobSettings.NONE, "overridden").explain();

        // mini-batch with a two-phase (local-global) aggregation, as the profile asks
        assertTrue(withProfile.contains("MiniBatchAssigner"), withProfile);
        assertTrue(withProfile.contains("LocalGroupAggregate"), withProfile);
        assertFalse(overridden.contains("MiniBatchAssigner"), overridden);
        assertFalse(overridden.contains("LocalGroupAggregate"), overridden);
    }
}
