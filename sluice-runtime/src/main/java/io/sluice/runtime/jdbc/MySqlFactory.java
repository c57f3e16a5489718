package io.sluice.runtime.jdbc;

import org.apache.flink.connector.jdbc.core.database.JdbcFactory;
import org.apache.flink.connector.jdbc.core.database.catalog.JdbcCatalog;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;

/**
 * Lets Flink's JDBC connector write to MySQL and MariaDB ({@code jdbc:mysql:} and {@code jdbc:mariadb:}
 * URLs). The connector's own MySQL module is not published for Flink 2 on Maven Central, so Sluice
 * plugs its dialect into the connector's public {@link JdbcFactory} service interface.
 */
public final class MySqlFactory implements JdbcFactory {
    @Override
    public boolean acceptsURL(String url) {
        return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
    }

    @Override
    public JdbcDialect createDialect() {
        return new MySqlDialect();
    }

    @Override
    public JdbcCatalog createCatalog(ClassLoader classLoader, String catalogName, String defaultDatabase,
            String username, String password, String baseUrl) {
        throw new UnsupportedOperationException("Sluice registers MySQL/MariaDB databases as connections, "
                + "not as Flink JDBC catalogs; declare the tables with CREATE TABLE ... WITH ('connector' = 'jdbc')");
    }
}
