package io.sluice.server.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;

/**
 * Where the platform keeps its metadata: an H2 file under the data dir by default, or PostgreSQL.
 * The schema comes from Flyway migrations, so an older data dir is upgraded in place.
 */
public final class MetadataStore implements AutoCloseable {
    private final String url;
    private final String username;
    private final String password;
    // H2 closes a file database with its last connection; one kept open saves reopening it per call
    private final Connection keepAlive;

    private MetadataStore(String url, String username, String password) throws SQLException {
        this.url = requireNonNull(url, "url is null");
        this.username = username;
        this.password = password;
        this.keepAlive = DriverManager.getConnection(url, username, password);
    }

    public static MetadataStore open(String url, String username, String password) {
        try {
            Flyway.configure().dataSource(url, username, password).load().migrate();
            return new MetadataStore(url, username, password);
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("cannot open the metadata database " + url + ": " + e.getMessage(), e);
        }
    }

    public static MetadataStore openEmbedded(Path dataDir) {
        Path file = dataDir.resolve("metadata").resolve("sluice").toAbsolutePath();
        return open("jdbc:h2:file:" + file, "sluice", "");
    }

    public Connection connection() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    public String url() {
        return url;
    }

    @Override
    public void close() throws SQLException {
        keepAlive.close();
    }
}
