package io.sluice.sql.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;

/**
 * A registered connection as the compiler needs it: the connector options it stands for
 * (e.g. {@code properties.bootstrap.servers}) and which of their values are secret.
 */
public record ResolvedConnection(String name, Map<String, String> connectorOptions, Set<String> secretValues) {
    public ResolvedConnection {
        requireNonNull(name, "name is null");
        connectorOptions = Map.copyOf(connectorOptions);
        secretValues = Set.copyOf(secretValues);
    }
}
