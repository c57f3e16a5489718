package io.sluice.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.ObjectPath;
import org.junit.jupiter.api.Test;

class ConnectionExpandingCatalogTest {
    private static final ConnectionResolver RESOLVER = name -> name.equals("prod-kafka")
            ? Optional.of(new ResolvedConnection(name,
                    Map.of("properties.bootstrap.servers", "k1:9092", "properties.security.protocol", "SASL_SSL",
                            "properties.sasl.jaas.config", "secret-jaas"),
                    Set.of("secret-jaas")))
            : Optional.empty();

    private final ConnectionExpandingCatalog catalog = new ConnectionExpandingCatalog("c", "db", RESOLVER, "Orders ETL v3");

    private static CatalogTable table(Map<String, String> options) {
        return CatalogTable.newBuilder()
                .schema(Schema.newBuilder().column("a", DataTypes.STRING()).build())
                .options(options)
                .build();
    }

    private Map<String, String> created(String name, Map<String, String> options) throws Exception {
        catalog.createTable(new ObjectPath("db", name), table(options), false);
        return catalog.getTable(new ObjectPath("db", name)).getOptions();
    }

    @Test
    void connectionBecomesConnectorOptionsAndTableOptionsWin() throws Exception {
        Map<String, String> options = created("t", Map.of("connector", "kafka", "topic", "x", "connection", "prod-kafka",
                "properties.security.protocol", "SSL"));
        assertEquals("k1:9092", options.get("properties.bootstrap.servers"));
        assertEquals("SSL", options.get("properties.security.protocol"));
        assertFalse(options.containsKey("connection"));
        assertEquals(Set.of("secret-jaas"), catalog.secretValues());
    }

    @Test
    void unknownConnectionNamesTableAndConnection() {
        UnknownConnectionException e = assertThrows(UnknownConnectionException.class,
                () -> created("orders", Map.of("connector", "kafka", "connection", "nope")));
        assertEquals("nope", e.connection());
    }

    @Test
    void exactlyOnceKafkaSinkGetsAPrefixPerJobVersionAndABrokerFriendlyTimeout() throws Exception {
        Map<String, String> options = created("Enriched", Map.of("connector", "kafka", "topic", "x",
                "connection", "prod-kafka", "sink.delivery-guarantee", "exactly-once"));
        assertEquals("sluice-orders-etl-v3-enriched", options.get("sink.transactional-id-prefix"));
        assertEquals("900000", options.get("properties.transaction.timeout.ms"));
    }

    @Test
    void explicitPrefixAndOtherGuaranteesAreLeftAlone() throws Exception {
        Map<String, String> mine = new HashMap<>(Map.of("connector", "kafka", "topic", "x",
                "sink.delivery-guarantee", "exactly-once", "sink.transactional-id-prefix", "mine"));
        assertEquals("mine", created("a", mine).get("sink.transactional-id-prefix"));
        assertFalse(created("b", Map.of("connector", "kafka", "topic", "x", "sink.delivery-guarantee", "at-least-once"))
                .containsKey("sink.transactional-id-prefix"));
    }
}
