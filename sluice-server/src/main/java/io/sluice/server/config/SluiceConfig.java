package io.sluice.server.config;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The server's configuration, bound from sluice.yaml, SLUICE_* variables and flags by {@link ConfigLoader}. */
public record SluiceConfig(
        Server server,
        @JsonProperty("data-dir") String dataDir,
        Embedded embedded,
        Flink flink,
        Kafka kafka,
        Database database,
        Jobs jobs,
        Monitor monitor) {

    public Path dataPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    public record Server(String host, int port) {
    }

    public record Embedded(EmbeddedFlink flink, EmbeddedKafka kafka) {
    }

    public record EmbeddedFlink(
            boolean enabled,
            @JsonProperty("rest-port") int restPort,
            int taskmanagers,
            int slots,
            @JsonProperty("jobmanager-memory") String jobmanagerMemory,
            @JsonProperty("taskmanager-memory") String taskmanagerMemory) {
    }

    public record EmbeddedKafka(boolean enabled, int port, @JsonProperty("controller-port") int controllerPort) {
    }

    public record Flink(
            @JsonProperty("rest-url") String restUrl,
            @JsonProperty("pipeline-jars") String pipelineJars,
            @JsonProperty("cluster-options") Map<String, String> clusterOptions,
            @JsonProperty("job-options") Map<String, String> jobOptions) {
        public Flink {
            clusterOptions = clusterOptions == null ? Map.of() : Map.copyOf(clusterOptions);
            jobOptions = jobOptions == null ? Map.of() : Map.copyOf(jobOptions);
        }
    }

    public record Kafka(@JsonProperty("bootstrap-servers") String bootstrapServers, String connection) {
    }

    public record Database(String url, String username, String password) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    public record Jobs(
            int parallelism,
            @JsonProperty("checkpoint-interval-ms") long checkpointIntervalMs,
            @JsonProperty("min-checkpoint-interval-ms") long minCheckpointIntervalMs,
            @JsonProperty("checkpoint-mode") String checkpointMode,
            @JsonProperty("checkpoint-timeout-ms") long checkpointTimeoutMs,
            @JsonProperty("min-pause-ms") long minPauseMs,
            @JsonProperty("state-backend") String stateBackend,
            @JsonProperty("restart-strategy") String restartStrategy,
            @JsonProperty("buffer-timeout-ms") long bufferTimeoutMs,
            @JsonProperty("source-idle-timeout-ms") long sourceIdleTimeoutMs) {
    }

    public record Monitor(@JsonProperty("interval-ms") long intervalMs, @JsonProperty("retention-minutes") long retentionMinutes) {
    }
}
