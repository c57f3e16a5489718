package io.sluice.sql;

import java.util.Locale;

/** Where a job keeps its keyed state. */
public enum StateBackendKind {
    /** RocksDB on local disk, with incremental checkpoints: state may grow past memory. */
    ROCKSDB("rocksdb"),
    /** Objects on the JVM heap: fastest while state is small. */
    HEAP("hashmap");

    private final String flinkName;

    StateBackendKind(String flinkName) {
        this.flinkName = flinkName;
    }

    String flinkName() {
        return flinkName;
    }

    /** Accepts {@code rocksdb}, {@code heap} and Flink's {@code hashmap}. */
    public static StateBackendKind parse(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        if (name.equals("hashmap")) {
            return HEAP;
        }
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("state backend '" + text + "' is unknown; use rocksdb or heap", e);
        }
    }
}
