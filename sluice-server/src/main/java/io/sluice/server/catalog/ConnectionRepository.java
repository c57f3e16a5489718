package io.sluice.server.catalog;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.server.store.MetadataStore;
import io.sluice.server.store.StoreException;

/** Connections in the metadata store; secrets are encrypted before they reach the database. */
final class ConnectionRepository {
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };
    private final MetadataStore store;
    private final SecretCipher cipher;
    private final ObjectMapper json = new ObjectMapper();

    ConnectionRepository(MetadataStore store, SecretCipher cipher) {
        this.store = requireNonNull(store, "store is null");
        this.cipher = requireNonNull(cipher, "cipher is null");
    }

    List<Connection> list() {
        try (var connection = store.connection();
                PreparedStatement select = connection.prepareStatement("SELECT * FROM connections ORDER BY name");
                ResultSet rows = select.executeQuery()) {
            List<Connection> result = new ArrayList<>();
            while (rows.next()) {
                result.add(read(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("list connections", e);
        }
    }

    Optional<Connection> find(String name) {
        try (var connection = store.connection();
                PreparedStatement select = connection.prepareStatement("SELECT * FROM connections WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("read connection " + name, e);
        }
    }

    void insert(Connection value) {
        write("INSERT INTO connections (type, properties, secrets, managed, created_at, name) VALUES (?, ?, ?, ?, ?, ?)", value);
    }

    void update(Connection value) {
        write("UPDATE connections SET type = ?, properties = ?, secrets = ?, managed = ?, created_at = ? WHERE name = ?", value);
    }

    boolean delete(String name) {
        try (var connection = store.connection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM connections WHERE name = ?")) {
            delete.setString(1, name);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("delete connection " + name, e);
        }
    }

    private void write(String sql, Connection value) {
        try (var connection = store.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value.type().id());
            statement.setString(2, json.writeValueAsString(value.properties()));
            statement.setString(3, cipher.encrypt(json.writeValueAsString(value.secrets())));
            statement.setBoolean(4, value.managed());
            statement.setTimestamp(5, Timestamp.from(value.createdAt()));
            statement.setString(6, value.name());
            statement.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("write connection " + value.name(), e);
        }
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
