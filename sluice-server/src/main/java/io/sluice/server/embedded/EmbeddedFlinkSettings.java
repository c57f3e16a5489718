package io.sluice.server.embedded;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;

import org.apache.flink.configuration.MemorySize;

/**
 * How to run the embedded Flink session cluster.
 *
 * @param dataDir the server's data directory; Flink's conf, checkpoints and savepoints go under {@code flink/},
 *         logs under {@code logs/}
 * @param restPort REST and dashboard port; 0 picks a free port at each start
 * @param taskManagers number of TaskManager processes
 * @param slotsPerTaskManager {@code taskmanager.numberOfTaskSlots}
 * @param jobManagerMemory {@code jobmanager.memory.process.size}, e.g. {@code 1024m}
 * @param taskManagerMemory {@code taskmanager.memory.process.size}, e.g. {@code 1728m}
 * @param classpath classpath of the Flink processes, see {@link ChildClasspath}
 * @param flinkOptions Flink options written to config.yaml; they override Sluice's defaults
 */
public record EmbeddedFlinkSettings(
        Path dataDir,
        int restPort,
        int taskManagers,
        int slotsPerTaskManager,
        String jobManagerMemory,
        String taskManagerMemory,
        String classpath,
        Map<String, String> flinkOptions) {

    public static final int DEFAULT_REST_PORT = 8081;
    public static final int DEFAULT_TASK_MANAGERS = 1;
    public static final int DEFAULT_SLOTS_PER_TASK_MANAGER = 4;
    public static final String DEFAULT_JOB_MANAGER_MEMORY = "1024m";
    public static final String DEFAULT_TASK_MANAGER_MEMORY = "1728m";

    public EmbeddedFlinkSettings {
        dataDir = requireNonNull(dataDir, "dataDir is null").toAbsolutePath().normalize();
        checkPort(restPort, "restPort");
        if (taskManagers < 1) {
            throw new IllegalArgumentException("taskManagers must be at least 1, not " + taskManagers);
        }
        if (slotsPerTaskManager < 1) {
            throw new IllegalArgumentException("slotsPerTaskManager must be at least 1, not " + slotsPerTaskManager);
        }
        checkMemorySize(jobManagerMemory, "jobManagerMemory");
        checkMemorySize(taskManagerMemory, "taskManagerMemory");
        requireNonNull(classpath, "classpath is null");
        if (classpath.isBlank()) {
            throw new IllegalArgumentException("classpath is empty");
        }
        flinkOptions = Map.copyOf(requireNonNull(flinkOptions, "flinkOptions is null"));
    }

    /** The defaults: REST on 8081, one TaskManager with 4 slots, Flink's memory sizes of a small machine. */
    public static EmbeddedFlinkSettings defaults(Path dataDir, String classpath) {
        return new EmbeddedFlinkSettings(dataDir, DEFAULT_REST_PORT, DEFAULT_TASK_MANAGERS, DEFAULT_SLOTS_PER_TASK_MANAGER,
                DEFAULT_JOB_MANAGER_MEMORY, DEFAULT_TASK_MANAGER_MEMORY, classpath, Map.of());
    }

    public EmbeddedFlinkSettings withRestPort(int restPort) {
        return new EmbeddedFlinkSettings(dataDir, restPort, taskManagers, slotsPerTaskManager, jobManagerMemory,
                taskManagerMemory, classpath, flinkOptions);
    }

    public EmbeddedFlinkSettings withTaskManagers(int taskManagers) {
        return new EmbeddedFlinkSettings(dataDir, restPort, taskManagers, slotsPerTaskManager, jobManagerMemory,
                taskManagerMemory, classpath, flinkOptions);
    }

    public EmbeddedFlinkSettings withSlotsPerTaskManager(int slotsPerTaskManager) {
        return new EmbeddedFlinkSettings(dataDir, restPort, taskManagers, slotsPerTaskManager, jobManagerMemory,
                taskManagerMemory, classpath, flinkOptions);
    }

    public EmbeddedFlinkSettings withJobManagerMemory(String jobManagerMemory) {
        return new EmbeddedFlinkSettings(dataDir, restPort, taskManagers, slotsPerTaskManager, jobManagerMemory,
                taskManagerMemory, classpath, flinkOptions);
    }

    public EmbeddedFlinkSettings withTaskManagerMemory(String taskManagerMemory) {
        return new EmbeddedFlinkSettings(dataDir, restPort, taskManagers, slotsPerTaskManager, jobManagerMemory,
                taskManagerMemory, classpath, flinkOptions);
    }

    public EmbeddedFlinkSettings withFlinkOptions(Map<String, String> flinkOptions) {
        return new EmbeddedFlinkSettings(dataDir, restPort, taskManagers, slotsPerTaskManager, jobManagerMemory,
                taskManagerMemory, classpath, flinkOptions);
    }

    static void checkPort(int port, String name) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 0 (any free port) or 1-65535, not " + port);
        }
    }

    private static void checkMemorySize(String value, String name) {
        requireNonNull(value, name + " is null");
        try {
            MemorySize.parse(value);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a memory size such as 1024m or 2g", e);
        }
    }
}
