package io.sluice.cli.bench;

import java.util.Locale;

/** The two ways a benchmark runs the same SQL on the same cluster. */
public enum Variant {
    /** Plain Flink: a TableEnvironment with Flink's default configuration and the job's parallelism. */
    FLINK,
    /** As {@code sluice deploy} compiles it: Sluice's SqlCompiler, with the default job profile. */
    SLUICE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
