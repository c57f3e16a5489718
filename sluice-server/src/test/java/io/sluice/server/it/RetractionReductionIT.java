package io.sluice.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.server.testing.Poll;

/**
 * Retraction reduction's outer-join cache on the real cluster and Kafka: the same LEFT JOIN deployed
 * twice, with the cache (as the job profile switches it on) and without it, into an upsert (idempotent)
 * sink keyed by the order. Orders arrive before their customers, some are updated or deleted before
 * their match, customers are updated and deleted after it, and some orders never find one. Both
 * final tables must equal the table computed here, and the cached job must send fewer records.
 */
class RetractionReductionIT {
    private static final Duration WAIT = Duration.ofSeconds(240);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient api = SharedServer.client();

    /** The oracle's and the sink's row: an order with its customer's name, or NULL. */
    record Enriched(int orderId, int customerId, int amount, String name) {
    }

    /** One upsert: a key and its new value, or null to delete it. */
    record Change(int key, Map<String, Object> value) {
    }

    @AfterEach
    void stopJobs() {
        api.stopAll();
    }

    @Test
    void outerJoinCacheGivesTheSameFinalTableWithFewerSinkRecords() throws Exception {
        for (String topic : List.of("it_rr_orders", "it_rr_customers", "it_rr_cached", "it_rr_plain")) {
            api.createTopic(topic, 1);
        }
        List<Change> ordersBefore = List.of(
                order(3, 2, 30), order(1, 1, 10), order(2, 1, 20), order(5, 4, 50), order(4, 3, 40),
                order(6, 5, 60), order(8, 2, 80), order(7, 7, 70),
                order(3, 2, 33),         // updated before its customer arrives
                new Change(8, null));    // deleted before its customer arrives
        List<Change> customers = List.of(
                customer(4, "Dee"), customer(1, "Ann"), customer(3, "Cid"), customer(2, "Bob"), customer(6, "Eve"),
                customer(2, "Bobby"),    // updated after its match
                new Change(3, null));    // deleted after its match: order 4 ends padded again
        List<Change> ordersAfter = List.of(
                order(9, 4, 90), order(11, 9, 110), order(10, 6, 100),
                order(1, 1, 11));        // updated after its match

        produce("it_rr_orders", "order_id", ordersBefore);
        api.deploy("it-rr-cached", "SET 'sluice.retraction.outer-join-cache-interval' = '60 s';\n"
                + script("it_rr_cached", "it-rr-cached"));
        api.deploy("it-rr-plain", "SET 'sluice.retraction.outer-join-cache-interval' = 'off';\n"
                + script("it_rr_plain", "it-rr-plain"));

        // plain Flink sends every order padded with NULLs before any customer exists; only then do they come
        Map<Integer, Enriched> padded = oracle(ordersBefore, List.of());
        Map<Integer, Enriched> plainSoFar = Poll.until(WAIT, Duration.ofMillis(500),
                () -> table(api.readAtLeast("it_rr_plain", 0, Duration.ofSeconds(2))), padded::equals);
        assertEquals(padded, plainSoFar);
        produce("it_rr_customers", "id", customers);
        produce("it_rr_orders", "order_id", ordersAfter);

        List<Change> allOrders = new ArrayList<>(ordersBefore);
        allOrders.addAll(ordersAfter);
        Map<Integer, Enriched> expected = oracle(allOrders, customers);
        List<JsonNode> plain = finalRecords("it_rr_plain", expected);
        List<JsonNode> cached = finalRecords("it_rr_cached", expected);
        assertEquals(expected, table(plain));
        assertEquals(expected, table(cached));
        assertTrue(cached.size() < plain.size(), "cached job sent " + cached.size() + " records, plain Flink "
                + plain.size() + ": " + cached + " vs " + plain);
    }

    private List<JsonNode> finalRecords(String topic, Map<Integer, Enriched> expected) throws Exception {
        return Poll.until(WAIT, Duration.ofSeconds(1), () -> api.readAtLeast(topic, 0, Duration.ofSeconds(2)),
                records -> table(records).equals(expected));
    }

    /** The expected final table, computed from the changes alone: every live order with its live customer's name. */
    private static Map<Integer, Enriched> oracle(List<Change> orders, List<Change> customers) {
        Map<Integer, Map<String, Object>> liveOrders = apply(orders);
        Map<Integer, Map<String, Object>> liveCustomers = apply(customers);
        Map<Integer, Enriched> table = new TreeMap<>();
        liveOrders.forEach((id, order) -> {
            int customerId = (Integer) order.get("customer_id");
            Map<String, Object> customer = liveCustomers.get(customerId);
            table.put(id, new Enriched(id, customerId, (Integer) order.get("amount"),
                    customer == null ? null : (String) customer.get("name")));
        });
        return table;
    }

    private static Map<Integer, Map<String, Object>> apply(List<Change> changes) {
        Map<Integer, Map<String, Object>> table = new HashMap<>();
        for (Change change : changes) {
            if (change.value() == null) {
                table.remove(change.key());
            } else {
                table.put(change.key(), change.value());
            }
        }
        return table;
    }

    /** The sink topic's records applied as upserts: the value replaces the key's row, a tombstone deletes it. */
    private static Map<Integer, Enriched> table(List<JsonNode> records) {
        Map<Integer, Enriched> table = new TreeMap<>();
        for (JsonNode record : records) {
            int orderId = parse(record.path("key").asText()).path("order_id").asInt();
            if (record.path("value").isNull()) {
                table.remove(orderId);
            } else {
                JsonNode value = parse(record.path("value").asText());
                table.put(orderId, new Enriched(value.path("order_id").asInt(), value.path("customer_id").asInt(),
                        value.path("amount").asInt(), value.path("name").isNull() ? null : value.path("name").asText()));
            }
        }
        return table;
    }

    private static String script(String sinkTopic, String group) {
        return """
                CREATE TABLE orders (order_id INT, customer_id INT, amount INT, PRIMARY KEY (order_id) NOT ENFORCED) WITH (
                  'connector' = 'upsert-kafka', 'topic' = 'it_rr_orders', 'connection' = 'local-kafka',
                  'properties.group.id' = '%2$s-orders', 'key.format' = 'json', 'value.format' = 'json');
                CREATE TABLE customers (id INT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH (
                  'connector' = 'upsert-kafka', 'topic' = 'it_rr_customers', 'connection' = 'local-kafka',
                  'properties.group.id' = '%2$s-customers', 'key.format' = 'json', 'value.format' = 'json');
                CREATE TABLE enriched (order_id INT, customer_id INT, amount INT, name STRING,
                  PRIMARY KEY (order_id) NOT ENFORCED) WITH (
                  'connector' = 'upsert-kafka', 'topic' = '%1$s', 'connection' = 'local-kafka',
                  'key.format' = 'json', 'value.format' = 'json');
                INSERT INTO enriched
                SELECT o.order_id, o.customer_id, o.amount, c.name
                FROM orders AS o LEFT JOIN customers AS c ON o.customer_id = c.id;
                """.formatted(sinkTopic, group);
    }

    private static Change order(int id, int customerId, int amount) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("order_id", id);
        value.put("customer_id", customerId);
        value.put("amount", amount);
        return new Change(id, value);
    }

    private static Change customer(int id, String name) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", id);
        value.put("name", name);
        return new Change(id, value);
    }

    private void produce(String topic, String keyField, List<Change> changes) throws Exception {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Change change : changes) {
            Map<String, Object> record = new HashMap<>();
            record.put("key", JSON.writeValueAsString(Map.of(keyField, change.key())));
            record.put("value", change.value() == null ? null : JSON.writeValueAsString(change.value()));
            records.add(record);
        }
        api.ok(api.post("/api/topics/" + topic + "/records", Map.of("records", records)));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
