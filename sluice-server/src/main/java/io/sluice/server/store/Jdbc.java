package io.sluice.server.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs one statement on the metadata store, turning SQL failures into a {@link StoreException} naming the operation. */
public final class Jdbc {
    private final MetadataStore store;

    public Jdbc(MetadataStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** Sets the parameters of a statement. */
    @FunctionalInterface
    public interface Binder {
        Binder NONE = statement -> {
        };

        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    public <T> List<T> query(String operation, String sql, Binder binder, RowReader<T> reader) {
        try (Connection connection = store.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new StoreException(operation, e);
        }
    }

    /** Returns the number of rows changed. */
    public int update(String operation, String sql, Binder binder) {
        try (Connection connection = store.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(operation, e);
        }
    }
}
