package io.sluice.server.catalog;

import static java.util.Objects.requireNonNull;

import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import io.sluice.server.api.ApiException;

/**
 * Asks a connection's system whether it answers, and what a database holds: its tables and their
 * columns, for the catalog page and the editor's completion.
 */
public final class ConnectionProbe {
    private static final int TIMEOUT_SECONDS = 5;
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "mysql", "performance_schema",
            "sys");

    private final ConnectionService connections;

    public ConnectionProbe(ConnectionService connections) {
        this.connections = requireNonNull(connections, "connections is null");
    }

    /** Whether the system answers within a few seconds, and what it says about itself or why it did not. */
    public ProbeResult test(String name) {
        Connection connection = connections.get(name);
        return switch (connection.type()) {
            case KAFKA -> testKafka(connection);
            case JDBC -> testDatabase(connection);
        };
    }

    /** A database connection's tables (system schemas left out), each with its columns in order. */
    public List<DatabaseTable> tables(String name) {
        Connection connection = connections.get(name);
        if (connection.type() != ConnectionType.JDBC) {
            throw ApiException.badRequest("connection " + name + " is a " + connection.type().id()
                    + " connection; its topics are listed by GET /api/topics?connection=" + name);
        }
        try (java.sql.Connection database = open(connection)) {
            DatabaseMetaData metadata = database.getMetaData();
            Map<String, List<DatabaseTable.Column>> tables = new LinkedHashMap<>();
            try (ResultSet rows = metadata.getColumns(database.getCatalog(), null, "%", "%")) {
                while (rows.next()) {
                    String schema = rows.getString("TABLE_SCHEM");
                    if (schema != null && SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    String table = schema == null || schema.equals("public") ? rows.getString("TABLE_NAME")
                            : schema + "." + rows.getString("TABLE_NAME");
                    tables.computeIfAbsent(table, t -> new ArrayList<>()).add(new DatabaseTable.Column(
                            rows.getString("COLUMN_NAME"), rows.getString("TYPE_NAME"),
                            rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
                }
            }
            List<DatabaseTable> result = new ArrayList<>();
            tables.forEach((table, columns) -> result.add(new DatabaseTable(table, columns)));
            result.sort((a, b) -> a.name().compareTo(b.name()));
            return result;
        } catch (SQLException e) {
            throw ApiException.unavailable("cannot read the tables of connection " + name + ": " + e.getMessage());
        }
    }

    private static ProbeResult testKafka(Connection connection) {
        Properties properties = new Properties();
        properties.putAll(connection.clientProperties());
        try (Admin admin = Admin.create(properties)) {
            DescribeClusterResult cluster = admin.describeCluster();
            int brokers = cluster.nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
            return new ProbeResult(true, "Kafka cluster " + cluster.clusterId().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    + " with " + brokers + (brokers == 1 ? " broker" : " brokers"));
        } catch (ExecutionException e) {
            return new ProbeResult(false, e.getCause().getMessage());
        } catch (TimeoutException e) {
            return new ProbeResult(false, "no answer from " + connection.properties().get("bootstrap.servers") + " within "
                    + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeResult(false, "interrupted");
        } catch (RuntimeException e) {
            return new ProbeResult(false, e.getMessage());
        }
    }

    private static ProbeResult testDatabase(Connection connection) {
        try (java.sql.Connection database = open(connection)) {
            DatabaseMetaData metadata = database.getMetaData();
            return new ProbeResult(database.isValid(TIMEOUT_SECONDS),
                    metadata.getDatabaseProductName() + " " + metadata.getDatabaseProductVersion());
        } catch (SQLException e) {
            return new ProbeResult(false, e.getMessage());
        }
    }

    private static java.sql.Connection open(Connection connection) throws SQLException {
        Map<String, String> client = connection.clientProperties();
        Properties properties = new Properties();
        if (client.containsKey("username")) {
            properties.setProperty("user", client.get("username"));
        }
        if (client.containsKey("password")) {
            properties.setProperty("password", client.get("password"));
        }
        DriverManager.setLoginTimeout(TIMEOUT_SECONDS);
        return DriverManager.getConnection(client.get("url"), properties);
    }

    /** Whether a connection answered, with its system's description or the reason it did not. */
    public record ProbeResult(boolean ok, String detail) {
    }

    /** A table of a database connection, named as a job's SQL would name it in {@code 'table-name'}. */
    public record DatabaseTable(String name, List<Column> columns) {
        public DatabaseTable {
            columns = List.copyOf(columns);
        }

        public record Column(String name, String type, boolean nullable) {
        }
    }
}
