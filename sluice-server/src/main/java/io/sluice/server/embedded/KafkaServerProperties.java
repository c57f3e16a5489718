package io.sluice.server.embedded;

import static io.sluice.server.embedded.LoopbackPorts.HOST;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The server.properties of a single-node KRaft Kafka: broker and controller in one process on loopback. */
record KafkaServerProperties(int port, int controllerPort, Path logDirectory) {
    static final String FILE_NAME = "server.properties";
    static final int NODE_ID = 1;

    KafkaServerProperties {
        requireNonNull(logDirectory, "logDirectory is null");
    }

    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        // a static quorum: the storage is formatted without --standalone, so the ports may change between runs
        properties.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        properties.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("log.dirs", logDirectory.toAbsolutePath().toString());
        properties.put("num.partitions", "1");
        properties.put("auto.create.topics.enable", "false");
        // one broker: internal topics cannot have more replicas than that
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        // Flink's exactly-once Kafka sink asks for a 1 h transaction timeout; Kafka's default maximum is 15 min
        properties.put("transaction.max.timeout.ms", "3600000");
        return properties;
    }

    String render() {
        return "# Written by Sluice at every start of the embedded Kafka broker.\n"
                + properties().entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + entry.getValue())
                        .collect(Collectors.joining("\n", "", "\n"));
    }

    Path writeTo(Path configDirectory) {
        Path file = configDirectory.resolve(FILE_NAME);
        try {
            Files.createDirectories(configDirectory);
            Files.writeString(file, render(), UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not write Kafka configuration " + file, e);
        }
        return file;
    }
}
