package io.sluice.server.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A registered connection. {@code secrets} (passwords, SASL configs) are kept apart from
 * {@code properties}: they are stored encrypted and never returned by the API.
 *
 * @param managed registered by the server itself (the embedded Kafka) and refreshed on every start
 */
public record Connection(String name, ConnectionType type, Map<String, String> properties,
        Map<String, String> secrets, boolean managed, Instant createdAt) {
    public Connection {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        properties = Map.copyOf(properties);
        secrets = Map.copyOf(secrets);
        requireNonNull(createdAt, "createdAt is null");
    }

    /** Properties and secrets together, as the connector needs them. */
    public Map<String, String> connectorOptions() {
        Map<String, String> all = new HashMap<>(properties);
        all.putAll(secrets);
        return type.connectorOptions(all);
    }

    /** Properties and secrets together, as client libraries (Kafka admin, JDBC) take them. */
    public Map<String, String> clientProperties() {
        Map<String, String> all = new HashMap<>(properties);
        all.putAll(secrets);
        return all;
    }
}
