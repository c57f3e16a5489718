package io.sluice.sql.preview;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes the sources of a preview bounded and small: typed rows replace a table's connector, a Kafka
 * table reads only its newest records, a generator makes only that many events.
 */
public final class SampleSources {
    private static final String CONNECTOR = "connector";

    private final int records;
    private final Map<String, List<String>> sampleRows;
    private final KafkaTail kafkaTail;

    public SampleSources(int records, Map<String, List<String>> sampleRows, KafkaTail kafkaTail) {
        this.records = records;
        this.sampleRows = lowerCaseKeys(sampleRows);
        this.kafkaTail = requireNonNull(kafkaTail, "kafkaTail is null");
    }

    /** @return the options the source table gets for the preview */
    public Map<String, String> rewrite(String table, Map<String, String> options) {
        List<String> rows = sampleRows.get(table.toLowerCase(Locale.ROOT));
        if (rows != null) {
            return typedRows(options, rows);
        }
        Map<String, String> bounded = new HashMap<>(options);
        switch (options.getOrDefault(CONNECTOR, "")) {
            case "kafka" -> bounded.putAll(kafkaTail.boundedOptions(table, options, records));
            // an upsert table is its whole topic, folded; read it up to the current end
            case "upsert-kafka" -> bounded.put("scan.bounded.mode", "latest-offset");
            case "clickstream", "ad_events", "nexmark" -> bounded.merge("events", String.valueOf(records),
                    (own, sample) -> String.valueOf(Math.min(Long.parseLong(own), records)));
            case "datagen" -> bounded.merge("number-of-rows", String.valueOf(records),
                    (own, sample) -> String.valueOf(Math.min(Long.parseLong(own), records)));
            default -> {
                return options;
            }
        }
        return bounded;
    }

    /** Typed rows are JSON; the table's own JSON options (e.g. its timestamp format) still apply to them. */
    private static Map<String, String> typedRows(Map<String, String> options, List<String> rows) {
        Map<String, String> sample = new HashMap<>();
        options.forEach((key, value) -> {
            if (key.startsWith("json.")) {
                sample.put(key, value);
            } else if (key.startsWith("value.json.")) {
                sample.put(key.substring("value.".length()), value);
            }
        });
        sample.put(CONNECTOR, "sample-rows");
        sample.put("format", "json");
        sample.put("rows", String.join("\n", rows));
        return sample;
    }

    private static Map<String, List<String>> lowerCaseKeys(Map<String, List<String>> rows) {
        Map<String, List<String>> lower = new HashMap<>();
        rows.forEach((table, values) -> lower.put(table.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return Map.copyOf(lower);
    }
}
