package io.sluice.sql.catalog;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an exactly-once Kafka sink needs and users forget: a transactional id prefix unique to the job
 * and version (two jobs sharing one would fence each other's transactions), and a transaction timeout
 * that the broker accepts (Kafka allows 15 minutes by default; Flink asks for one hour).
 */
final class KafkaSinkDefaults {
    static final String TRANSACTION_TIMEOUT_MS = "900000";

    private final String jobName;

    KafkaSinkDefaults(String jobName) {
        this.jobName = requireNonNull(jobName, "jobName is null");
    }

    Map<String, String> apply(String tableName, Map<String, String> options) {
        String connector = options.getOrDefault("connector", "");
        boolean kafka = connector.equals("kafka") || connector.equals("upsert-kafka");
        boolean exactlyOnce = "exactly-once".equalsIgnoreCase(options.getOrDefault("sink.delivery-guarantee", ""));
        if (!kafka || !exactlyOnce) {
            return options;
        }
        Map<String, String> completed = new HashMap<>(options);
        completed.putIfAbsent("sink.transactional-id-prefix", prefix(tableName));
        completed.putIfAbsent("properties.transaction.timeout.ms", TRANSACTION_TIMEOUT_MS);
        return completed;
    }

    /** e.g. {@code sluice-orders-etl-v3-enriched}: readable in the broker's transaction list. */
    private String prefix(String tableName) {
        return ("sluice-" + jobName + "-" + tableName).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    }
}
