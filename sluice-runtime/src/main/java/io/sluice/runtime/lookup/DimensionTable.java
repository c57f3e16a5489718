package io.sluice.runtime.lookup;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.flink.connector.jdbc.core.database.JdbcFactoryLoader;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialectConverter;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * A dimension table in a database reached by JDBC, read whole through a cursor by one lookup-join
 * instance that keeps only the rows of its own bucket. The dialect (quoting, type conversion) is the
 * one Flink's JDBC connector picks for the URL, so PostgreSQL, MySQL and MariaDB behave as in a
 * plain {@code 'connector' = 'jdbc'} table.
 */
final class DimensionTable implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final String tableName;
    private final String username;
    private final String password;
    private final String driverName;
    private final RowType rowType;
    private final int[] keyFields;
    private final int fetchSize;

    /**
     * @param keyFields the positions, in {@code rowType}, of the columns a lookup compares, in the order of
     *        the lookup key rows
     */
    DimensionTable(String url, String tableName, Optional<String> username, Optional<String> password,
            Optional<String> driverName, RowType rowType, int[] keyFields, int fetchSize) {
        this.url = requireNonNull(url, "url is null");
        this.tableName = requireNonNull(tableName, "tableName is null");
        this.username = username.orElse(null);
        this.password = password.orElse(null);
        this.driverName = driverName.orElse(null);
        this.rowType = requireNonNull(rowType, "rowType is null");
        this.keyFields = keyFields.clone();
        this.fetchSize = fetchSize;
    }

    /** The rows whose key falls into {@code bucket} of {@code buckets}, by key; rows with a NULL key are left out. */
    Map<LookupKey, List<RowData>> loadBucket(int bucket, int buckets, ClassLoader classLoader) throws SQLException {
        JdbcDialect dialect = JdbcFactoryLoader.loadDialect(url, classLoader);
        JdbcDialectConverter converter = dialect.getRowConverter(rowType);
        String query = dialect.getSelectFromStatement(tableName, rowType.getFieldNames().toArray(String[]::new), new String[0]);
        RowData.FieldGetter[] keyGetters = keyGetters();
        Map<LookupKey, List<RowData>> rows = new HashMap<>();
        try (Connection connection = connect(dialect, classLoader)) {
            // PostgreSQL streams through a cursor only outside auto-commit; elsewhere this is harmless
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                statement.setFetchSize(fetchSize);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        RowData row = converter.toInternal(result);
                        LookupKey key = keyOf(row, keyGetters);
                        if (!key.hasNull() && key.bucket(buckets) == bucket) {
                            rows.computeIfAbsent(key, k -> new ArrayList<>(1)).add(row);
                        }
                    }
                }
            }
            connection.commit();
        }
        return rows;
    }

    /** The lookup key of one dimension row. */
    LookupKey keyOf(RowData row) {
        return keyOf(row, keyGetters());
    }

    private static LookupKey keyOf(RowData row, RowData.FieldGetter[] keyGetters) {
        Object[] values = new Object[keyGetters.length];
        for (int i = 0; i < keyGetters.length; i++) {
            values[i] = keyGetters[i].getFieldOrNull(row);
        }
        return LookupKey.of(values);
    }

    private RowData.FieldGetter[] keyGetters() {
        RowData.FieldGetter[] getters = new RowData.FieldGetter[keyFields.length];
        for (int i = 0; i < keyFields.length; i++) {
            getters[i] = RowData.createFieldGetter(rowType.getTypeAt(keyFields[i]), keyFields[i]);
        }
        return getters;
    }

    @Override
    public String toString() {
        return tableName;
    }

    private Connection connect(JdbcDialect dialect, ClassLoader classLoader) throws SQLException {
        String driverClass = driverName != null ? driverName : dialect.defaultDriverName()
                .orElseThrow(() -> new SQLException("no JDBC driver known for " + url + "; set the 'driver' option"));
        Driver driver;
        try {
            // the drivers sit in Flink's lib/, which DriverManager may not see from the user-code class loader
            driver = (Driver) Class.forName(driverClass, true, classLoader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SQLException("cannot load JDBC driver " + driverClass + " for dimension table " + tableName, e);
        }
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        Connection connection = driver.connect(dialect.appendDefaultUrlProperties(url), properties);
        if (connection == null) {
            throw new SQLException("JDBC driver " + driverClass + " does not accept the URL of dimension table " + tableName);
        }
        return connection;
    }
}
