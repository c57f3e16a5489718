package io.sluice.server.catalog;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.server.store.Jdbc;
import io.sluice.server.store.MetadataStore;
import io.sluice.server.store.StoreException;

/** Connections in the metadata store; secrets are encrypted before they reach the database. */
final class ConnectionRepository {
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };
    private final Jdbc jdbc;
    private final SecretCipher cipher;
    private final ObjectMapper json = new ObjectMapper();

    ConnectionRepository(MetadataStore store, SecretCipher cipher) {
        this.jdbc = new Jdbc(requireNonNull(store, "store is null"));
        this.cipher = requireNonNull(cipher, "cipher is null");
    }

    List<Connection> list() {
        return jdbc.query("list connections", "SELECT * FROM connections ORDER BY name", Jdbc.Binder.NONE, this::read);
    }

    Optional<Connection> find(String name) {
        return jdbc.query("read connection " + name, "SELECT * FROM connections WHERE name = ?",
                statement -> statement.setString(1, name), this::read).stream().findFirst();
    }

    void insert(Connection value) {
        write("INSERT INTO connections (type, properties, secrets, managed, created_at, name) VALUES (?, ?, ?, ?, ?, ?)", value);
    }

    void update(Connection value) {
        write("UPDATE connections SET type = ?, properties = ?, secrets = ?, managed = ?, created_at = ? WHERE name = ?", value);
    }

    boolean delete(String name) {
        return jdbc.update("delete connection " + name, "DELETE FROM connections WHERE name = ?",
                statement -> statement.setString(1, name)) > 0;
    }

    private void write(String sql, Connection value) {
        String properties;
        String secrets;
        try {
            properties = json.writeValueAsString(value.properties());
            secrets = cipher.encrypt(json.writeValueAsString(value.secrets()));
        } catch (JsonProcessingException e) {
            throw new StoreException("write connection " + value.name(), e);
        }
        jdbc.update("write connection " + value.name(), sql, statement -> {
            statement.setString(1, value.type().id());
            statement.setString(2, properties);
            statement.setString(3, secrets);
            statement.setBoolean(4, value.managed());
            statement.setTimestamp(5, Timestamp.from(value.createdAt()));
            statement.setString(6, value.name());
        });
    }

    private Connection read(ResultSet row) throws SQLException {
        try {
            return new Connection(
                    row.getString("name"),
                    ConnectionType.fromId(row.getString("type")),
                    json.readValue(row.getString("properties"), MAP),
                    json.readValue(cipher.decrypt(row.getString("secrets")), MAP),
                    row.getBoolean("managed"),
                    row.getTimestamp("created_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new SQLException("connection " + row.getString("name") + " is stored in an unreadable form", e);
        }
    }
}
