package io.sluice.sql;

import java.util.Locale;

import org.apache.flink.core.execution.CheckpointingMode;

/** The consistency of a job's checkpoints. */
public enum CheckpointMode {
    /** Barriers are aligned: state reflects every record exactly once. */
    EXACTLY_ONCE(CheckpointingMode.EXACTLY_ONCE),
    /** Barriers are not aligned: lower latency under backpressure, records may be replayed after a failure. */
    AT_LEAST_ONCE(CheckpointingMode.AT_LEAST_ONCE);

    private final CheckpointingMode flinkMode;

    CheckpointMode(CheckpointingMode flinkMode) {
        this.flinkMode = flinkMode;
    }

    CheckpointingMode flinkMode() {
        return flinkMode;
    }

    /** Accepts {@code exactly-once} as well as {@code EXACTLY_ONCE}. */
    public static CheckpointMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint mode '" + text + "' is unknown; use exactly-once or at-least-once", e);
        }
    }
}
