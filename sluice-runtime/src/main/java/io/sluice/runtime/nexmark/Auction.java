package io.sluice.runtime.nexmark;

/** An item put up for auction by {@code seller}, open from {@code dateTime} to {@code expires}. */
public record Auction(long id, String itemName, String description, long initialBid, long reserve,
        long dateTimeMillis, long expiresMillis, long seller, long category, String extra) {}
