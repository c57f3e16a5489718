package io.sluice.runtime.nexmark;

/** A bid of {@code bidder} on {@code auction}; {@code price} is in cents. */
public record Bid(long auction, long bidder, long price, String channel, String url, long dateTimeMillis,
        String extra) {}
