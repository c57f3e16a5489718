package io.sluice.server.catalog;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The kinds of external systems a connection can stand for, and how each becomes connector options. */
public enum ConnectionType {
    /** A Kafka cluster: every client property becomes the connector's {@code properties.*} option. */
    KAFKA(Set.of("bootstrap.servers")) {
        @Override
        Map<String, String> connectorOptions(Map<String, String> properties) {
            Map<String, String> options = new HashMap<>();
            properties.forEach((key, value) -> options.put("properties." + key, value));
            return options;
        }
    },
    /** A database reached by JDBC: {@code url}, {@code username}, {@code password} are the JDBC connector's own options. */
    JDBC(Set.of("url")) {
        @Override
        Map<String, String> connectorOptions(Map<String, String> properties) {
            return Map.copyOf(properties);
        }
    };

    private final Set<String> required;

    ConnectionType(Set<String> required) {
        this.required = required;
    }

    abstract Map<String, String> connectorOptions(Map<String, String> properties);

    Set<String> requiredProperties() {
        return required;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConnectionType fromId(String id) {
        for (ConnectionType type : values()) {
            if (type.id().equalsIgnoreCase(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown connection type '" + id + "'; use kafka or jdbc");
    }
}
