package io.sluice.runtime.nexmark;

/**
 * One Nexmark event: exactly one of {@code person}, {@code auction}, {@code bid} is set, as
 * {@code type} says.
 */
public record NexmarkEvent(long index, Type type, long dateTimeMillis, Person person, Auction auction, Bid bid) {

    /** The kinds of events, numbered as the benchmark's {@code event_type} column numbers them. */
    public enum Type {
        PERSON,
        AUCTION,
        BID;

        public int code() {
            return ordinal();
        }
    }

    static NexmarkEvent of(long index, Person person) {
        return new NexmarkEvent(index, Type.PERSON, person.dateTimeMillis(), person, null, null);
    }

    static NexmarkEvent of(long index, Auction auction) {
        return new NexmarkEvent(index, Type.AUCTION, auction.dateTimeMillis(), null, auction, null);
    }

    static NexmarkEvent of(long index, Bid bid) {
        return new NexmarkEvent(index, Type.BID, bid.dateTimeMillis(), null, null, bid);
    }
}
