package io.sluice.server.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.sluice.server.api.ApiException;
import io.sluice.server.store.MetadataStore;
import io.sluice.sql.catalog.ConnectionResolver;
import io.sluice.sql.catalog.ResolvedConnection;

/** Registers connections once by name, for every job to use through {@code 'connection' = 'name'}. */
public final class ConnectionService implements ConnectionResolver {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,127}");
    private final ConnectionRepository repository;
    private final Clock clock;

    public ConnectionService(MetadataStore store, SecretCipher cipher, Clock clock) {
        this.repository = new ConnectionRepository(store, cipher);
        this.clock = requireNonNull(clock, "clock is null");
    }

    public List<Connection> list() {
        return repository.list();
    }

    public Connection get(String name) {
        return repository.find(name)
                .orElseThrow(() -> ApiException.notFound("connection " + name + " is not registered"));
    }

    public Connection register(String name, String type, Map<String, String> properties, Map<String, String> secrets) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.badRequest("connection name '" + name
                    + "' is invalid: use a letter followed by letters, digits, '_' or '-'");
        }
        ConnectionType connectionType;
        try {
            connectionType = ConnectionType.fromId(type == null ? "" : type);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Map<String, String> props = properties == null ? Map.of() : properties;
        Map<String, String> secret = secrets == null ? Map.of() : secrets;
        for (String required : connectionType.requiredProperties()) {
            if (!props.containsKey(required) || props.get(required).isBlank()) {
                throw ApiException.badRequest("a " + connectionType.id() + " connection needs the property '" + required + "'");
            }
        }
        if (repository.find(name).isPresent()) {
            throw ApiException.conflict("connection " + name + " already exists; delete it first to replace it");
        }
        Connection connection = new Connection(name, connectionType, props, secret, false, clock.instant());
        repository.insert(connection);
        return connection;
    }

    /** Registers or refreshes a connection the server itself owns, such as the embedded Kafka. */
    public void registerManaged(String name, ConnectionType type, Map<String, String> properties) {
        Connection connection = new Connection(name, type, properties, Map.of(), true, clock.instant());
        if (repository.find(name).isPresent()) {
            repository.update(connection);
        } else {
            repository.insert(connection);
        }
    }

    public void delete(String name) {
        if (!repository.delete(name)) {
            throw ApiException.notFound("connection " + name + " is not registered");
        }
    }

    @Override
    public Optional<ResolvedConnection> resolve(String name) {
        return repository.find(name).map(connection -> new ResolvedConnection(
                connection.name(), connection.connectorOptions(), new HashSet<>(connection.secrets().values())));
    }
}
