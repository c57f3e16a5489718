package io.sluice.server.embedded;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What {@link ChildProcess} runs and where its traces go.
 *
 * @param name names the process in every message, e.g. {@code flink-taskmanager-0}
 * @param logFile the file the child's own logging writes to (named in error messages)
 * @param outFile the child's stdout and stderr, appended across restarts
 * @param pidFile where the running child's pid is kept, to find it after a hard kill of the server
 * @param stopTimeout how long a graceful stop (SIGTERM) may take before the child is killed
 */
record ChildProcessSpec(
        String name,
        JavaCommand command,
        Map<String, String> environment,
        Path workingDirectory,
        Path logFile,
        Path outFile,
        Path pidFile,
        Duration stopTimeout) {

    ChildProcessSpec {
        requireNonNull(name, "name is null");
        requireNonNull(command, "command is null");
        environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        requireNonNull(workingDirectory, "workingDirectory is null");
        requireNonNull(logFile, "logFile is null");
        requireNonNull(outFile, "outFile is null");
        requireNonNull(pidFile, "pidFile is null");
        requireNonNull(stopTimeout, "stopTimeout is null");
    }
}
