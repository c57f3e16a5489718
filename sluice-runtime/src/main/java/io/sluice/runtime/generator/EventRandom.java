package io.sluice.runtime.generator;

/**
 * Pseudo-random numbers for one event, derived only from (seed, index, purpose).
 *
 * <p>Because nothing depends on which subtask or in which order events are generated, event
 * {@code i} is the same in every run and at every parallelism. The mixing function is the
 * SplitMix64 finalizer; separate purposes give independent streams so that, for example, the
 * timing of an event does not change when a generator draws one more content value.
 */
public final class EventRandom {

    /** Streams of one event that must not influence each other. */
    public enum Purpose {
        TIME,
        CONTENT,
        KIND
    }

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    private EventRandom(long state) {
        this.state = state;
    }

    public static EventRandom of(long seed, long index, Purpose purpose) {
        long stream = mix64(seed + (purpose.ordinal() + 1) * GOLDEN_GAMMA);
        return new EventRandom(mix64(stream + index * GOLDEN_GAMMA));
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound); the modulo bias is negligible for the small bounds used here. */
    public long nextLong(long bound) {
        return Math.floorMod(nextLong(), bound);
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
