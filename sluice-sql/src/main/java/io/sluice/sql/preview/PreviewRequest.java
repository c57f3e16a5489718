package io.sluice.sql.preview;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to preview: a script, how many of the newest records of each Kafka source to read (or how many
 * events a generator makes), rows typed by the user for some tables (one JSON object per row), and
 * limits that keep a preview short.
 */
public record PreviewRequest(String script, int recordsPerSource, Map<String, List<String>> sampleRows, Duration timeout,
        int maxChanges) {
    public static final int DEFAULT_RECORDS = 100;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_CHANGES = 1000;

    public PreviewRequest {
        requireNonNull(script, "script is null");
        sampleRows = Map.copyOf(sampleRows);
        requireNonNull(timeout, "timeout is null");
        if (recordsPerSource < 1 || maxChanges < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("records per source, the change limit and the timeout must be positive");
        }
    }

    public static PreviewRequest of(String script) {
        return new PreviewRequest(script, DEFAULT_RECORDS, Map.of(), DEFAULT_TIMEOUT, DEFAULT_MAX_CHANGES);
    }
}
