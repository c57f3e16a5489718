package io.sluice.runtime.nexmark;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.generator.EventGenerator;
import io.sluice.runtime.generator.EventRandom;
import io.sluice.runtime.generator.EventTiming;
import java.util.List;

/**
 * The Nexmark auction site's events, after the benchmark's specification: of every 50 events, 1 is
 * a new person, 3 are new auctions and 46 are bids. Ids count up from 1000, so the ids of the people
 * and auctions that exist at event {@code i} follow from {@code i} alone; every draw comes from
 * (seed, i), so event {@code i} is the same in every run, in every subtask, at every parallelism.
 *
 * <p>Hot keys as the specification defines them: a bid goes to the newest auction (rounded down to
 * a multiple of {@link #HOT_AUCTION_RATIO}) with probability 1 - 1/{@value #HOT_AUCTION_RATIO},
 * else to one of the {@value #IN_FLIGHT_AUCTIONS} newest auctions; bidders and sellers are the
 * newest person (rounded down to a multiple of 4) with probability 3/4, else one of the
 * {@value #ACTIVE_PEOPLE} newest people.
 */
public final class NexmarkGenerator implements EventGenerator<NexmarkEvent> {

    private static final long serialVersionUID = 1L;

    public static final int PERSONS_PER_EPOCH = 1;
    public static final int AUCTIONS_PER_EPOCH = 3;
    public static final int BIDS_PER_EPOCH = 46;
    public static final int EVENTS_PER_EPOCH = PERSONS_PER_EPOCH + AUCTIONS_PER_EPOCH + BIDS_PER_EPOCH;

    public static final long FIRST_PERSON_ID = 1000;
    public static final long FIRST_AUCTION_ID = 1000;
    public static final long FIRST_CATEGORY_ID = 10;
    public static final int CATEGORIES = 5;
    public static final int ACTIVE_PEOPLE = 1000;
    public static final int IN_FLIGHT_AUCTIONS = 100;
    public static final int HOT_AUCTION_RATIO = 2;
    public static final int HOT_BIDDER_RATIO = 4;
    public static final int HOT_SELLER_RATIO = 4;
    public static final int HOT_CHANNEL_RATIO = 2;
    public static final int CHANNELS = 10_000;
    public static final List<String> HOT_CHANNELS = List.of("Google", "Facebook", "Baidu", "Apple");

    static final List<String> STATES = List.of("AZ", "CA", "ID", "OR", "WA", "WY");
    static final List<String> CITIES = List.of("Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend",
            "Redmond", "Seattle", "Kent", "Cheyenne");
    static final List<String> FIRST_NAMES = List.of("Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie",
            "Sarah", "Deiter", "Walter");
    static final List<String> LAST_NAMES = List.of("Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton",
            "Smith", "Jones", "Noris");

    /**
     * Events during which {@value #IN_FLIGHT_AUCTIONS} auctions are created; an auction stays open
     * one to two such spans, so it outlives the time in which bids pick it.
     */
    private static final long IN_FLIGHT_EVENTS = (long) IN_FLIGHT_AUCTIONS * EVENTS_PER_EPOCH / AUCTIONS_PER_EPOCH;

    private final long seed;
    private final EventTiming timing;

    public NexmarkGenerator(long seed, EventTiming timing) {
        this.seed = seed;
        this.timing = requireNonNull(timing, "timing is null");
    }

    @Override
    public NexmarkEvent event(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        long epoch = index / EVENTS_PER_EPOCH;
        int offset = (int) (index % EVENTS_PER_EPOCH);
        long time = timing.eventTimeMillis(seed, index);
        EventRandom random = EventRandom.of(seed, index, EventRandom.Purpose.CONTENT);
        if (offset < PERSONS_PER_EPOCH) {
            return NexmarkEvent.of(index, person(FIRST_PERSON_ID + epoch * PERSONS_PER_EPOCH + offset, time, random));
        }
        if (offset < PERSONS_PER_EPOCH + AUCTIONS_PER_EPOCH) {
            long id = FIRST_AUCTION_ID + epoch * AUCTIONS_PER_EPOCH + offset - PERSONS_PER_EPOCH;
            return NexmarkEvent.of(index, auction(id, newestPerson(epoch), time, random));
        }
        return NexmarkEvent.of(index, bid(newestPerson(epoch), newestAuction(epoch), time, random));
    }

    /** The type of event {@code index}, without generating it. */
    public static NexmarkEvent.Type typeOf(long index) {
        int offset = (int) (index % EVENTS_PER_EPOCH);
        if (offset < PERSONS_PER_EPOCH) {
            return NexmarkEvent.Type.PERSON;
        }
        return offset < PERSONS_PER_EPOCH + AUCTIONS_PER_EPOCH ? NexmarkEvent.Type.AUCTION : NexmarkEvent.Type.BID;
    }

    // Within an epoch the person comes first and the auctions before the bids, so these exist.
    private static long newestPerson(long epoch) {
        return FIRST_PERSON_ID + (epoch + 1) * PERSONS_PER_EPOCH - 1;
    }

    private static long newestAuction(long epoch) {
        return FIRST_AUCTION_ID + (epoch + 1) * AUCTIONS_PER_EPOCH - 1;
    }

    private Person person(long id, long time, EventRandom random) {
        String name = pick(FIRST_NAMES, random) + " " + pick(LAST_NAMES, random);
        String email = letters(random, 3, 8) + "@" + letters(random, 3, 8) + ".com";
        String creditCard = digits(random, 4) + " " + digits(random, 4) + " " + digits(random, 4) + " "
                + digits(random, 4);
        return new Person(id, name, email, creditCard, pick(CITIES, random), pick(STATES, random), time,
                letters(random, 32, 96));
    }

    private Auction auction(long id, long newestPerson, long time, EventRandom random) {
        long seller = someone(newestPerson, HOT_SELLER_RATIO, random);
        long category = FIRST_CATEGORY_ID + random.nextLong(CATEGORIES);
        long initialBid = price(random);
        long reserve = initialBid + price(random);
        long lifetime = (IN_FLIGHT_EVENTS + random.nextLong(IN_FLIGHT_EVENTS + 1)) * timing.intervalMillis();
        return new Auction(id, letters(random, 8, 20), letters(random, 20, 60), initialBid, reserve, time,
                time + lifetime, seller, category, letters(random, 64, 192));
    }

    private Bid bid(long newestPerson, long newestAuction, long time, EventRandom random) {
        long auction;
        if (random.nextLong(HOT_AUCTION_RATIO) > 0) {
            auction = newestAuction / HOT_AUCTION_RATIO * HOT_AUCTION_RATIO;
        } else {
            long open = Math.min(IN_FLIGHT_AUCTIONS, newestAuction - FIRST_AUCTION_ID + 1);
            auction = newestAuction - random.nextLong(open);
        }
        long bidder = someone(newestPerson, HOT_BIDDER_RATIO, random);
        long price = price(random);
        String channel;
        String url = "https://www.nexmark.com/" + letters(random, 3, 6) + "/" + letters(random, 3, 6) + "/"
                + letters(random, 3, 6) + "/item.htm?query=1";
        if (random.nextLong(HOT_CHANNEL_RATIO) > 0) {
            channel = pick(HOT_CHANNELS, random);
        } else {
            long channelId = random.nextLong(CHANNELS);
            channel = "channel-" + channelId;
            url = url + "&channel_id=" + channelId;
        }
        return new Bid(auction, bidder, price, channel, url, time, letters(random, 8, 24));
    }

    /** A hot person with probability 1 - 1/ratio, else one of the active people. */
    private static long someone(long newestPerson, int hotRatio, EventRandom random) {
        if (random.nextLong(hotRatio) > 0) {
            return newestPerson / hotRatio * hotRatio;
        }
        long active = Math.min(ACTIVE_PEOPLE, newestPerson - FIRST_PERSON_ID + 1);
        return newestPerson - random.nextLong(active);
    }

    /** Prices in cents, log-uniform from $1 to $1,000,000 as in the specification. */
    private static long price(EventRandom random) {
        return Math.round(Math.pow(10.0, random.nextDouble() * 6.0) * 100.0);
    }

    private static String pick(List<String> values, EventRandom random) {
        return values.get((int) random.nextLong(values.size()));
    }

    private static String letters(EventRandom random, int minLength, int maxLength) {
        int length = minLength + (int) random.nextLong(maxLength - minLength + 1);
        char[] chars = new char[length];
        long bits = 0;
        for (int i = 0; i < length; i++) {
            // one 64-bit draw gives 12 letters of 5 bits each
            if (i % 12 == 0) {
                bits = random.nextLong();
            }
            chars[i] = (char) ('a' + Math.floorMod(bits & 31, 26));
            bits >>>= 5;
        }
        return new String(chars);
    }

    private static String digits(EventRandom random, int length) {
        long value = random.nextLong((long) Math.pow(10, length));
        return String.format("%0" + length + "d", value);
    }
}
