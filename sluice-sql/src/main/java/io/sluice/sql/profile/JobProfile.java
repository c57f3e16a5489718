package io.sluice.sql.profile;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.flink.configuration.Configuration;

/**
 * The Flink table options Sluice applies to every job before the job's own settings and its
 * {@code SET} statements, which therefore override any of them. Each option is kept only where the
 * Nexmark and retraction benchmarks ({@code sluice bench}) show that it helps and leaves the
 * results identical; docs/performance.md has the figures.
 *
 * @param options Flink option keys and values
 */
public record JobProfile(Map<String, String> options) {

    /** Sluice's default profile. */
    public static final JobProfile DEFAULT = new JobProfile(defaults());

    public JobProfile {
        options = Map.copyOf(options);
    }

    private static Map<String, String> defaults() {
        Map<String, String> options = new LinkedHashMap<>();
        // Buffer input for up to 1 s or 5000 rows, then update each key's accumulator once: fewer
        // state accesses, and fewer retractions sent downstream (same final result).
        options.put("table.exec.mini-batch.enabled", "true");
        options.put("table.exec.mini-batch.allow-latency", "1 s");
        options.put("table.exec.mini-batch.size", "5000");
        // Pre-aggregate each mini-batch before the shuffle (local-global); needs mini-batch.
        options.put("table.optimizer.agg-phase-strategy", "TWO_PHASE");
        // Chained operators hand records over without copying them. Every Nexmark query gives the
        // same result with it; a user function that keeps references to its input rows needs
        // SET 'pipeline.object-reuse' = 'false'.
        options.put("pipeline.object-reuse", "true");
        // Hold a row an outer join pads with NULLs for up to 2 minutes, waiting for its match, instead
        // of sending it and retracting it when the match comes (io.sluice.sql.retraction).
        options.put("sluice.retraction.outer-join-cache-interval", "2 min");
        // Fold each group key's updates for up to 2 s after an aggregation and send only the net change
        // to the next level or the sink: on top of mini-batch, fewer retractions downstream.
        options.put("sluice.retraction.buffer-interval", "2 s");
        // Not split-distinct (table.optimizer.distinct-agg.split.enabled): on 2 cores it made Nexmark
        // q15 2x and q16 6x slower (docs/performance.md).
        return options;
    }

    /** Sets every option of the profile that {@code configuration} does not set already. */
    public void applyTo(Configuration configuration) {
        Map<String, String> present = configuration.toMap();
        options.forEach((key, value) -> {
            if (!present.containsKey(key)) {
                configuration.setString(key, value);
            }
        });
    }
}
