package io.sluice.server.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.sluice.server.store.LocalMariaDb;
import io.sluice.server.store.LocalPostgres;

/**
 * One PostgreSQL and one MariaDB for the integration tests of this JVM run that write to or read from
 * databases, each started on first use and stopped by a shutdown hook when the test JVM ends. Each test
 * class keeps to its own tables in PostgreSQL and to a MariaDB database of its own.
 */
final class SharedDatabases {
    private static LocalPostgres postgres;
    private static LocalMariaDb mariaDb;

    private SharedDatabases() {
    }

    static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            postgres = LocalPostgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "sluice-it-postgres-shutdown"));
        }
        return postgres;
    }

    /** The shared MariaDB, with {@code database} created in it if it is not there yet. */
    static synchronized LocalMariaDb mariaDb(String database) throws SQLException {
        if (mariaDb == null) {
            mariaDb = LocalMariaDb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(mariaDb::close, "sluice-it-mariadb-shutdown"));
        }
        try (Connection db = mariaDb.connect("mysql"); Statement statement = db.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + database);
        }
        return mariaDb;
    }
}
