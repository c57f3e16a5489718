package io.sluice.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static RunResult run(Variant variant, long elapsedMillis, long checksum) {
        return new RunResult(variant, 1_000_000, elapsedMillis, 2_000_000_000L, 10L, 5L, checksum, null);
    }

    @Test
    void differentChecksumsFailAndAreLeftOutOfTheMean() {
        Comparison twiceAsFast = new Comparison("q1", run(Variant.FLINK, 2000, 7), run(Variant.SLUICE, 1000, 7));
        Comparison wrong = new Comparison("q2", run(Variant.FLINK, 2000, 7), run(Variant.SLUICE, 10, 8));
        Comparison halfAsFast = new Comparison("q3", run(Variant.FLINK, 1000, 9), run(Variant.SLUICE, 2000, 9));

        assertTrue(twiceAsFast.passed());
        assertFalse(wrong.passed());
        assertEquals("FAILED (checksums differ)", wrong.status());
        assertEquals(2.0, twiceAsFast.throughputRatio(), 1e-9);
        assertEquals(1.0, Comparison.geometricMean(List.of(twiceAsFast, wrong, halfAsFast),
                Comparison::throughputRatio), 1e-9);
    }

    @Test
    void aFailedJobFailsTheComparison() {
        Comparison comparison = new Comparison("q4", run(Variant.FLINK, 1000, 1),
                RunResult.failed(Variant.SLUICE, 1_000_000, "FAILED: out of memory"));

        assertFalse(comparison.passed());
        assertEquals("FAILED (sluice: FAILED: out of memory)", comparison.status());
        assertTrue(Double.isNaN(Comparison.geometricMean(List.of(comparison), Comparison::throughputRatio)));
    }
}
