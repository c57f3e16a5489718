package io.sluice.runtime.generator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Ad impressions and the clicks on them.
 *
 * <p>Event {@code i} is a click candidate with probability {@code click-ratio}; a candidate becomes
 * a click on an impression that is not itself a candidate, picked among the events between
 * {@code minLag} and {@code maxLag} indexes earlier, and otherwise stays an impression. Deciding
 * candidacy from (seed, index) alone keeps the choice non-recursive, so any event can be computed
 * on its own. {@code minLag * interval} exceeds the out-of-orderness bound, so a click that is not
 * late always has a later event time than its impression.
 */
public final class AdEventGenerator implements EventGenerator<AdEvent> {

    private static final long serialVersionUID = 1L;

    private final long seed;
    private final int ads;
    private final int users;
    private final double clickRatio;
    private final EventTiming timing;
    private final long minLag;
    private final long maxLag;

    /**
     * @param clickDelay the longest gap between the base times of an impression and its click; it
     *     must be at least out-of-orderness plus one interval
     */
    public AdEventGenerator(
            long seed, int ads, int users, double clickRatio, Duration clickDelay, EventTiming timing) {
        if (ads < 1 || users < 1) {
            throw new IllegalArgumentException("ads and users must be at least 1: " + ads + ", " + users);
        }
        if (!(clickRatio >= 0 && clickRatio < 1)) {
            throw new IllegalArgumentException("click ratio must be in [0, 1): " + clickRatio);
        }
        this.seed = seed;
        this.ads = ads;
        this.users = users;
        this.clickRatio = clickRatio;
        this.timing = requireNonNull(timing, "timing is null");
        this.minLag = minLag(timing);
        this.maxLag = clickDelay.toMillis() / timing.intervalMillis();
        if (maxLag < minLag) {
            throw new IllegalArgumentException("click delay " + clickDelay
                    + " must be at least out-of-orderness plus one interval (" + minimumClickDelay(timing) + ")");
        }
    }

    /** The shortest click delay that {@link #AdEventGenerator} accepts for this timing. */
    public static Duration minimumClickDelay(EventTiming timing) {
        return Duration.ofMillis(minLag(timing) * timing.intervalMillis());
    }

    /** Fewest indexes between an impression and its click: just over the out-of-orderness bound. */
    private static long minLag(EventTiming timing) {
        return timing.outOfOrdernessMillis() / timing.intervalMillis() + 1;
    }

    @Override
    public AdEvent event(long index) {
        long eventTime = timing.eventTimeMillis(seed, index);
        long impression = isClickCandidate(index) ? clickedImpression(index) : -1;
        if (impression < 0) {
            impression = index;
        }
        EventRandom content = EventRandom.of(seed, impression, EventRandom.Purpose.CONTENT);
        long adId = 1 + content.nextLong(ads);
        int user = (int) content.nextLong(users);
        AdEventType type = impression == index ? AdEventType.IMPRESSION : AdEventType.CLICK;
        return new AdEvent(index, eventTime, type, adId, Users.name(user), impression);
    }

    private boolean isClickCandidate(long index) {
        return EventRandom.of(seed, index, EventRandom.Purpose.KIND).nextDouble() < clickRatio;
    }

    /** An earlier non-candidate index within [index - maxLag, index - minLag], or -1 if none. */
    private long clickedImpression(long index) {
        long newest = index - minLag;
        if (newest < 0) {
            return -1;
        }
        long span = Math.min(maxLag, index) - minLag + 1;
        EventRandom kind = EventRandom.of(seed, index, EventRandom.Purpose.KIND);
        kind.nextDouble(); // the candidacy draw
        long offset = kind.nextLong(span);
        // Scanning cyclically from a random offset spreads click delays over the whole range.
        for (long step = 0; step < span; step++) {
            long candidate = newest - (offset + step) % span;
            if (!isClickCandidate(candidate)) {
                return candidate;
            }
        }
        return -1;
    }
}
