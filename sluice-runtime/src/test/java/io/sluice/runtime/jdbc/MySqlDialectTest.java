package io.sluice.runtime.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;

import org.apache.flink.connector.jdbc.core.database.JdbcFactory;
import org.junit.jupiter.api.Test;

class MySqlDialectTest {
    private final MySqlDialect dialect = new MySqlDialect();

    @Test
    void upsertIsInsertOnDuplicateKeyUpdateOfEveryField() {
        assertEquals("INSERT INTO `totals`(`user_name`, `clicks`) VALUES (:user_name, :clicks)"
                        + " ON DUPLICATE KEY UPDATE `user_name` = VALUES(`user_name`), `clicks` = VALUES(`clicks`)",
                dialect.getUpsertStatement("totals", new String[] {"user_name", "clicks"}, new String[] {"user_name"})
                        .orElseThrow());
    }

    @Test
    void identifiersAreBacktickQuoted() {
        assertEquals("`we``ird`", dialect.quoteIdentifier("we`ird"));
        assertEquals("LIMIT 10", dialect.getLimitClause(10));
    }

    @Test
    void factoryIsFoundForMySqlAndMariaDbUrls() {
        JdbcFactory factory = ServiceLoader.load(JdbcFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate instanceof MySqlFactory)
                .findFirst().orElseThrow();
        assertTrue(factory.acceptsURL("jdbc:mariadb://127.0.0.1:3306/db"));
        assertTrue(factory.acceptsURL("jdbc:mysql://127.0.0.1:3306/db"));
        assertFalse(factory.acceptsURL("jdbc:postgresql://127.0.0.1/db"));
    }
}
