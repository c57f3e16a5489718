package io.sluice.cli.bench;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/** One query run as both variants: whether the results agree, and Sluice's figures relative to Flink's. */
public record Comparison(String name, RunResult flink, RunResult sluice) {

    public Comparison {
        requireNonNull(name, "name is null");
        requireNonNull(flink, "flink is null");
        requireNonNull(sluice, "sluice is null");
    }

    /** Both finished with the same final table; a faster wrong answer is not a result. */
    public boolean passed() {
        return flink.finished() && sluice.finished()
                && Objects.equals(flink.checksum(), sluice.checksum())
                && Objects.equals(flink.sinkRows(), sluice.sinkRows());
    }

    public String status() {
        if (!flink.finished()) {
            return "FAILED (flink: " + flink.failure() + ")";
        }
        if (!sluice.finished()) {
            return "FAILED (sluice: " + sluice.failure() + ")";
        }
        return passed() ? "OK" : "FAILED (checksums differ)";
    }

    /** Sluice's events/s over Flink's: above 1 means Sluice is faster. */
    public double throughputRatio() {
        return sluice.eventsPerSecond() / flink.eventsPerSecond();
    }

    /** Sluice's CPU per event over Flink's: below 1 means Sluice needs less CPU. */
    public double cpuRatio() {
        return sluice.cpuSecondsPerMillionEvents() / flink.cpuSecondsPerMillionEvents();
    }

    /** Sluice's sink records over Flink's: below 1 means Sluice sends less downstream. */
    public double sinkRecordsRatio() {
        if (flink.sinkRecords() == null || sluice.sinkRecords() == null || flink.sinkRecords() == 0) {
            return Double.NaN;
        }
        return sluice.sinkRecords() / (double) flink.sinkRecords();
    }

    /** The geometric mean of the ratios of the comparisons that passed, or NaN if none did. */
    public static double geometricMean(Iterable<Comparison> comparisons, ToDoubleFunction<Comparison> ratio) {
        double logSum = 0;
        int count = 0;
        for (Comparison comparison : comparisons) {
            if (comparison.passed()) {
                logSum += Math.log(ratio.applyAsDouble(comparison));
                count++;
            }
        }
        return count == 0 ? Double.NaN : Math.exp(logSum / count);
    }
}
