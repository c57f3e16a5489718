package io.sluice.sql.catalog;

/** A table refers to a connection that is not registered. */
public final class UnknownConnectionException extends RuntimeException {
    private final String connection;

    public UnknownConnectionException(String table, String connection) {
        super("table " + table + " uses connection '" + connection
                + "', which is not registered; register it first (GET /api/connections lists the registered ones)");
        this.connection = connection;
    }

    public String connection() {
        return connection;
    }
}
