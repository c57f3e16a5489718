package io.sluice.server.embedded;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The broker's log directory, formatted once with a new cluster id by Kafka's StorageTool and reused after that. */
final class KafkaStorage {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaStorage.class);
    private static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);

    private final Path logDirectory;

    KafkaStorage(Path logDirectory) {
        this.logDirectory = requireNonNull(logDirectory, "logDirectory is null");
    }

    /** Kafka writes meta.properties (cluster id, node id) into every directory it formats. */
    boolean isFormatted() {
        return Files.exists(logDirectory.resolve("meta.properties"));
    }

    /**
     * Formats the log directory for {@code serverProperties}. The cluster id is what {@code StorageTool random-uuid}
     * would print, made in-process to save a JVM start.
     */
    void format(Path serverProperties, String classpath, ChildLogConfig logConfig, Path logFile) {
        String clusterId = Uuid.randomUuid().toString();
        JavaCommand command = new JavaCommand(
                logConfig.jvmFlags(logFile),
                classpath,
                STORAGE_TOOL,
                List.of("format", "-t", clusterId, "-c", serverProperties.toString()));
        String description = "Kafka's " + STORAGE_TOOL + " format -c " + serverProperties;
        ToolRun run = ToolRun.run(description, command, serverProperties.getParent(), FORMAT_TIMEOUT);
        if (run.exitCode() != 0) {
            throw new EmbeddedProcessException(description + " failed with exit code " + run.exitCode() + "; read "
                    + logFile + ". Output:\n" + run.output());
        }
        LOG.info("Formatted Kafka storage {} with cluster id {}: {}", logDirectory, clusterId, run.output().strip());
    }
}
