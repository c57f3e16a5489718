package io.sluice.cli.topics;

import picocli.CommandLine.Option;

/** {@code --connection NAME}: which registered Kafka cluster the topic commands use. */
public final class KafkaConnectionOption {
    public static final String DEFAULT_CONNECTION = "local-kafka";

    @Option(names = "--connection", paramLabel = "NAME", defaultValue = DEFAULT_CONNECTION,
            description = "Kafka connection of the catalog (default: ${DEFAULT-VALUE}).")
    private String name;

    public String name() {
        return name;
    }
}
