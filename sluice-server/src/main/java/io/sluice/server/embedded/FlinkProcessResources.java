package io.sluice.server.embedded;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The JVM memory flags and the {@code -D key=value} dynamic properties of a JobManager or TaskManager, computed by
 * Flink's {@code BashJavaUtils} from the config.yaml exactly as Flink's own start scripts do.
 */
record FlinkProcessResources(List<String> jvmFlags, List<String> dynamicProperties) {
    static final String MAIN_CLASS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
    static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    FlinkProcessResources {
        jvmFlags = List.copyOf(requireNonNull(jvmFlags, "jvmFlags is null"));
        dynamicProperties = List.copyOf(requireNonNull(dynamicProperties, "dynamicProperties is null"));
    }

    /** Runs BashJavaUtils for {@code role} against the config.yaml in {@code confDirectory}. */
    static FlinkProcessResources compute(FlinkRole role, String classpath, Path confDirectory, ChildLogConfig logConfig,
            Path logFile) {
        String description = "Flink's " + MAIN_CLASS + " " + role.resourceParamsCommand();
        JavaCommand command = new JavaCommand(
                // its own log config: otherwise it would pick up whatever log4j2 file the classpath holds
                logConfig.jvmFlags(logFile),
                classpath,
                MAIN_CLASS,
                List.of(role.resourceParamsCommand(), "--configDir", confDirectory.toString()));
        ToolRun run = ToolRun.run(description, command, confDirectory, TIMEOUT);
        if (run.exitCode() != 0) {
            throw new EmbeddedProcessException(description + " failed with exit code " + run.exitCode() + " for "
                    + confDirectory.resolve(FlinkConfigFile.FILE_NAME) + "; check the memory options there and read "
                    + logFile + ". Output:\n" + run.output());
        }
        return parse(role, run.output());
    }

    /** The result lines carry the prefix; the JVM flags come first, the dynamic properties last. */
    static FlinkProcessResources parse(FlinkRole role, String output) {
        List<String> results = output.lines()
                .filter(line -> line.startsWith(RESULT_PREFIX))
                .map(line -> line.substring(RESULT_PREFIX.length()).trim())
                .toList();
        if (results.size() < 2) {
            throw new EmbeddedProcessException("Flink's " + MAIN_CLASS + " " + role.resourceParamsCommand()
                    + " printed " + results.size() + " result lines, expected 2. Output:\n" + output);
        }
        // values are memory sizes and numbers without spaces
        return new FlinkProcessResources(
                JavaCommand.splitFlags(results.get(0)), JavaCommand.splitFlags(results.get(results.size() - 1)));
    }
}
