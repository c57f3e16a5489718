package io.sluice.runtime.function;

/**
 * Which row the current thread is evaluating, as a number that {@link NewRowMarker} advances before
 * each row reaches the operators that call reused functions. A remembered call is reused only within
 * the same generation, so a function runs once per row, not once per run of equal arguments.
 * Threads whose rows no marker announces stay at generation 0.
 */
public final class RowGeneration {
    private static final ThreadLocal<long[]> CURRENT = ThreadLocal.withInitial(() -> new long[1]);

    private RowGeneration() {
    }

    /** The current thread's row. */
    public static long current() {
        return CURRENT.get()[0];
    }

    /** Starts a new row on the current thread. */
    public static void advance() {
        CURRENT.get()[0]++;
    }
}
