package io.sluice.server.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the written config.yaml back with Flink's own loader, the way the JobManager and TaskManagers read it. */
class FlinkConfigFileTest {
    @TempDir
    Path confDir;

    @Test
    void flinkReadsTheDefaultsWithTheirTypes() {
        Map<ConfigOption<?>, String> defaults = new LinkedHashMap<>();
        defaults.put(RestOptions.PORT, "18081");
        defaults.put(RestOptions.BIND_ADDRESS, "127.0.0.1");
        defaults.put(TaskManagerOptions.TOTAL_PROCESS_MEMORY, "1728m");
        defaults.put(CoreOptions.FLINK_DEFAULT_JVM_OPTIONS, "--add-opens=java.base/java.util=ALL-UNNAMED -Da=b:c");

        FlinkConfigFile.of(defaults, Map.of()).writeTo(confDir);
        Configuration read = GlobalConfiguration.loadConfiguration(confDir.toString());

        assertEquals(18081, read.get(RestOptions.PORT));
        assertEquals("127.0.0.1", read.get(RestOptions.BIND_ADDRESS));
        assertEquals(MemorySize.parse("1728m"), read.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY));
        assertEquals("--add-opens=java.base/java.util=ALL-UNNAMED -Da=b:c", read.get(CoreOptions.FLINK_DEFAULT_JVM_OPTIONS));
    }

    @Test
    void aUserOptionUnderADeprecatedKeyReplacesTheDefault() {
        Map<ConfigOption<?>, String> defaults = Map.of(CheckpointingOptions.CHECKPOINTS_DIRECTORY, "file:///default/checkpoints");

        FlinkConfigFile file = FlinkConfigFile.of(defaults, Map.of("state.checkpoints.dir", "file:///mine"));
        file.writeTo(confDir);

        assertFalse(file.options().containsKey(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key()));
        assertEquals("file:///mine",
                GlobalConfiguration.loadConfiguration(confDir.toString()).get(CheckpointingOptions.CHECKPOINTS_DIRECTORY));
    }

    @Test
    void aUserOptionUnderTheCurrentKeyReplacesTheDefault() {
        FlinkConfigFile file = FlinkConfigFile.of(Map.of(TaskManagerOptions.NUM_TASK_SLOTS, "4"),
                Map.of("taskmanager.numberOfTaskSlots", "8"));

        assertEquals(8, file.toConfiguration().get(TaskManagerOptions.NUM_TASK_SLOTS));
    }
}
