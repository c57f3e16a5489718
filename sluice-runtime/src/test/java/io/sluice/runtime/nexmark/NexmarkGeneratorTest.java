package io.sluice.runtime.nexmark;

import static io.sluice.runtime.nexmark.NexmarkGenerator.FIRST_AUCTION_ID;
import static io.sluice.runtime.nexmark.NexmarkGenerator.FIRST_PERSON_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.generator.EventTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NexmarkGeneratorTest {

    private static final EventTiming TIMING =
            new EventTiming(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMillis(1), Duration.ofSeconds(1), 0);

    @Test
    void eventDependsOnlyOnSeedAndIndex() {
        NexmarkGenerator first = new NexmarkGenerator(42, TIMING);
        NexmarkGenerator second = new NexmarkGenerator(42, TIMING);
        // read in different orders, as subtasks with different index ranges would
        for (long index = 0; index < 5_000; index++) {
            assertEquals(first.event(index), second.event(index));
        }
        for (long index = 4_999; index >= 0; index--) {
            assertEquals(first.event(index), new NexmarkGenerator(42, TIMING).event(index));
        }
        assertNotEquals(first.event(10), new NexmarkGenerator(43, TIMING).event(10));
    }

    @Test
    void everyFiftyEventsHoldOnePersonThreeAuctionsAndFortySixBids() {
        NexmarkGenerator generator = new NexmarkGenerator(7, TIMING);
        Map<NexmarkEvent.Type, Long> counts = new EnumMap<>(NexmarkEvent.Type.class);
        long nextPerson = FIRST_PERSON_ID;
        long nextAuction = FIRST_AUCTION_ID;
        for (long index = 0; index < 50_000; index++) {
            NexmarkEvent event = generator.event(index);
            counts.merge(event.type(), 1L, Long::sum);
            assertEquals(NexmarkGenerator.typeOf(index), event.type());
            switch (event.type()) {
                case PERSON -> assertEquals(nextPerson++, event.person().id());
                case AUCTION -> {
                    assertEquals(nextAuction++, event.auction().id());
                    assertTrue(event.auction().seller() >= FIRST_PERSON_ID && event.auction().seller() < nextPerson);
                    assertTrue(event.auction().expiresMillis() > event.auction().dateTimeMillis());
                    assertTrue(event.auction().reserve() >= event.auction().initialBid());
                }
                case BID -> {
                    assertTrue(event.bid().auction() >= FIRST_AUCTION_ID && event.bid().auction() < nextAuction,
                            "bid on an auction that exists: " + event);
                    assertTrue(event.bid().bidder() >= FIRST_PERSON_ID && event.bid().bidder() < nextPerson);
                    assertTrue(event.bid().price() >= 100 && event.bid().price() <= 100_000_000L);
                }
            }
        }
        assertEquals(Map.of(NexmarkEvent.Type.PERSON, 1_000L, NexmarkEvent.Type.AUCTION, 3_000L,
                NexmarkEvent.Type.BID, 46_000L), counts);
    }

    @Test
    void aboutHalfOfTheBidsGoToTheHotAuctionAndThreeQuartersComeFromHotBidders() {
        NexmarkGenerator generator = new NexmarkGenerator(11, TIMING);
        long bids = 0;
        long hotAuction = 0;
        long hotBidder = 0;
        for (long index = 0; index < 100_000; index++) {
            NexmarkEvent event = generator.event(index);
            if (event.type() != NexmarkEvent.Type.BID) {
                continue;
            }
            long epoch = index / NexmarkGenerator.EVENTS_PER_EPOCH;
            long newestAuction = FIRST_AUCTION_ID + 3 * epoch + 2;
            long newestPerson = FIRST_PERSON_ID + epoch;
            bids++;
            hotAuction += event.bid().auction() == newestAuction / 2 * 2 ? 1 : 0;
            hotBidder += event.bid().bidder() == newestPerson / 4 * 4 ? 1 : 0;
        }
        // hot by choice (1/2 resp. 3/4), plus the cold draws that hit the hot key by chance
        assertBetween(0.49, 0.53, hotAuction / (double) bids);
        assertBetween(0.74, 0.78, hotBidder / (double) bids);
    }

    @Test
    void eventTimeIsBoundedOutOfOrder() {
        NexmarkGenerator generator = new NexmarkGenerator(3, TIMING);
        long latestSoFar = Long.MIN_VALUE / 2;
        boolean outOfOrder = false;
        for (long index = 0; index < 20_000; index++) {
            long time = generator.event(index).dateTimeMillis();
            // a watermark of the latest time minus the bound never passes a later event
            assertTrue(time > latestSoFar - TIMING.outOfOrdernessMillis(), "event " + index + " is late");
            outOfOrder |= time < latestSoFar;
            latestSoFar = Math.max(latestSoFar, time);
        }
        assertTrue(outOfOrder, "some events come out of order");
    }

    private static void assertBetween(double low, double high, double actual) {
        assertTrue(actual >= low && actual <= high, actual + " is not in [" + low + ", " + high + "]");
    }
}
