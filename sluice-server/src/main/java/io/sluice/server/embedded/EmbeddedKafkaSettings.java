package io.sluice.server.embedded;

import static io.sluice.server.embedded.EmbeddedFlinkSettings.checkPort;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * How to run the embedded single-node Kafka broker (KRaft, broker and controller in one process).
 *
 * @param dataDir the server's data directory; Kafka's config and topic data go under {@code kafka/}, its log
 *         under {@code logs/}
 * @param port client (PLAINTEXT) port; 0 picks a free port at each start
 * @param controllerPort KRaft controller port; 0 picks a free port at each start
 * @param classpath classpath of the broker process, see {@link ChildClasspath}
 */
public record EmbeddedKafkaSettings(Path dataDir, int port, int controllerPort, String classpath) {
    public static final int DEFAULT_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;

    public EmbeddedKafkaSettings {
        dataDir = requireNonNull(dataDir, "dataDir is null").toAbsolutePath().normalize();
        checkPort(port, "port");
        checkPort(controllerPort, "controllerPort");
        if (port != 0 && port == controllerPort) {
            throw new IllegalArgumentException("port and controllerPort are both " + port);
        }
        requireNonNull(classpath, "classpath is null");
        if (classpath.isBlank()) {
            throw new IllegalArgumentException("classpath is empty");
        }
    }

    public static EmbeddedKafkaSettings defaults(Path dataDir, String classpath) {
        return new EmbeddedKafkaSettings(dataDir, DEFAULT_PORT, DEFAULT_CONTROLLER_PORT, classpath);
    }

    public EmbeddedKafkaSettings withPorts(int port, int controllerPort) {
        return new EmbeddedKafkaSettings(dataDir, port, controllerPort, classpath);
    }
}
