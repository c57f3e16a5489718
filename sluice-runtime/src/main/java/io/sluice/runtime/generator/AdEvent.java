package io.sluice.runtime.generator;

import static java.util.Objects.requireNonNull;

/**
 * One ad impression or click. {@code impressionIndex} is the index of the impression the event
 * belongs to: its own index for an impression, an earlier index for a click.
 */
public record AdEvent(
        long index, long eventTimeMillis, AdEventType type, long adId, String userName, long impressionIndex) {

    public AdEvent {
        requireNonNull(type, "type is null");
        requireNonNull(userName, "userName is null");
    }
}
