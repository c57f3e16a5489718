package io.sluice.runtime.generator;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * Event time of generated event {@code i}: {@code start + i * interval}, shifted back by a
 * pseudo-random amount in [0, out-of-orderness), or, for the late fraction, by
 * {@code out-of-orderness + 1 minute} so that it is late for a watermark of
 * {@code event_time - out-of-orderness}.
 */
public final class EventTiming implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How much further than the out-of-orderness bound a late event is shifted back. */
    public static final Duration LATE_MARGIN = Duration.ofMinutes(1);

    private final long startMillis;
    private final long intervalMillis;
    private final long outOfOrdernessMillis;
    private final double lateFraction;

    public EventTiming(Instant start, Duration interval, Duration outOfOrderness, double lateFraction) {
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("interval must be at least 1 ms: " + interval);
        }
        if (outOfOrderness.isNegative()) {
            throw new IllegalArgumentException("out-of-orderness must not be negative: " + outOfOrderness);
        }
        if (!(lateFraction >= 0 && lateFraction <= 1)) {
            throw new IllegalArgumentException("late fraction must be in [0, 1]: " + lateFraction);
        }
        this.startMillis = start.toEpochMilli();
        this.intervalMillis = interval.toMillis();
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
        this.lateFraction = lateFraction;
    }

    /** Event time of event {@code index} before any out-of-order or late shift. */
    public long baseTimeMillis(long index) {
        return startMillis + index * intervalMillis;
    }

    public long eventTimeMillis(long seed, long index) {
        long base = baseTimeMillis(index);
        if (outOfOrdernessMillis == 0 && lateFraction == 0) {
            return base;
        }
        EventRandom random = EventRandom.of(seed, index, EventRandom.Purpose.TIME);
        if (random.nextDouble() < lateFraction) {
            return base - outOfOrdernessMillis - LATE_MARGIN.toMillis();
        }
        return outOfOrdernessMillis == 0 ? base : base - random.nextLong(outOfOrdernessMillis);
    }

    public long intervalMillis() {
        return intervalMillis;
    }

    public long outOfOrdernessMillis() {
        return outOfOrdernessMillis;
    }

    public double lateFraction() {
        return lateFraction;
    }
}
