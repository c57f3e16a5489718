package io.sluice.runtime.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClickstreamGeneratorTest {

    private static final int EVENTS = 100_000;

    private static EventGenerator<ClickEvent> generator(Map<String, String> options) {
        return new ClickstreamTableFactory().generatorFor(options);
    }

    @Test
    void sameOptionsGiveSameEventsInAnyOrder() {
        Map<String, String> options = Map.of("seed", "7", "out-of-orderness", "2 s", "late-fraction", "0.1");
        EventGenerator<ClickEvent> forward = generator(options);
        EventGenerator<ClickEvent> backward = generator(options);
        List<ClickEvent> expected = new ArrayList<>();
        for (long i = 0; i < 10_000; i++) {
            expected.add(forward.event(i));
        }
        for (long i = 9_999; i >= 0; i--) {
            assertEquals(expected.get((int) i), backward.event(i));
        }
    }

    @Test
    void differentSeedsGiveDifferentEvents() {
        EventGenerator<ClickEvent> seven = generator(Map.of("seed", "7"));
        EventGenerator<ClickEvent> eight = generator(Map.of("seed", "8"));
        int differing = 0;
        for (long i = 0; i < 1_000; i++) {
            if (!seven.event(i).equals(eight.event(i))) {
                differing++;
            }
        }
        assertTrue(differing > 990, "events differing between seeds: " + differing);
    }

    @Test
    void landingPage8212GetsAboutOneOverSqrtPagesOfViews() {
        EventGenerator<ClickEvent> generator = generator(Map.of("pages", "100"));
        int landing = 0;
        Set<Integer> pages = new HashSet<>();
        for (long i = 0; i < EVENTS; i++) {
            int page = generator.event(i).pageId();
            pages.add(page);
            if (page == 8212) {
                landing++;
            }
        }
        assertEquals(0.10, landing / (double) EVENTS, 0.005);
        assertEquals(100, pages.size());
        assertEquals(8212, pages.stream().mapToInt(Integer::intValue).min().orElseThrow());
        assertEquals(8311, pages.stream().mapToInt(Integer::intValue).max().orElseThrow());
    }

    @Test
    void usersAreSpreadEvenlyAndKeepOneAddressEach() {
        EventGenerator<ClickEvent> generator = generator(Map.of("users", "50"));
        Map<String, Integer> views = new HashMap<>();
        Map<String, String> addresses = new HashMap<>();
        for (long i = 0; i < EVENTS; i++) {
            ClickEvent event = generator.event(i);
            views.merge(event.userName(), 1, Integer::sum);
            String previous = addresses.putIfAbsent(event.userName(), event.ip());
            assertTrue(previous == null || previous.equals(event.ip()), "address of " + event.userName() + " changed");
            assertTrue(event.ip().matches("10\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}"), event.ip());
        }
        assertEquals(50, views.size());
        for (int user = 0; user < 50; user++) {
            int count = views.get("user_" + user);
            assertEquals(EVENTS / 50.0, count, EVENTS / 50.0 * 0.1, "views of user_" + user);
        }
        assertEquals(50, new HashSet<>(addresses.values()).size(), "users share an address");
    }

    @Test
    void defaultsStartAtFixedTimeWithOneEventEveryTenMillis() {
        EventGenerator<ClickEvent> generator = generator(Map.of());
        long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        for (long i = 0; i < 1_000; i++) {
            assertEquals(start + i * 10, generator.event(i).eventTimeMillis());
        }
    }

    @Test
    void intervalFollowsRateUnlessSet() {
        long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        assertEquals(start + 4 * 3, generator(Map.of("rate", "250")).event(3).eventTimeMillis());
        assertEquals(start + 7 * 3, generator(Map.of("rate", "250", "interval", "7")).event(3).eventTimeMillis());
        assertEquals(start + 1 * 3, generator(Map.of("rate", "1000000")).event(3).eventTimeMillis());
        long custom = Instant.parse("2025-06-30T12:00:00Z").toEpochMilli();
        assertEquals(custom + 2_000, generator(Map.of("start-time", "2025-06-30 12:00:00", "interval", "1 s"))
                .event(2).eventTimeMillis());
    }

    @Test
    void outOfOrdernessShiftsEventsBackWithinTheBound() {
        EventGenerator<ClickEvent> generator = generator(Map.of("interval", "10", "out-of-orderness", "5 s"));
        long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        long maxShift = 0;
        long shifted = 0;
        for (long i = 0; i < EVENTS; i++) {
            long shift = start + i * 10 - generator.event(i).eventTimeMillis();
            assertTrue(shift >= 0 && shift < 5_000, "shift of event " + i + ": " + shift);
            maxShift = Math.max(maxShift, shift);
            shifted += shift > 0 ? 1 : 0;
        }
        assertTrue(maxShift > 4_900, "largest shift " + maxShift);
        assertTrue(shifted > EVENTS * 0.99, "shifted events " + shifted);
    }

    @Test
    void lateFractionOfEventsIsShiftedPastTheBound() {
        Map<String, String> options =
                Map.of("seed", "3", "interval", "10", "out-of-orderness", "5 s", "late-fraction", "0.05");
        EventGenerator<ClickEvent> generator = generator(options);
        long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        int late = 0;
        long maxSoFar = Long.MIN_VALUE;
        int lateForWatermark = 0;
        for (long i = 0; i < EVENTS; i++) {
            long eventTime = generator.event(i).eventTimeMillis();
            long shift = start + i * 10 - eventTime;
            if (shift >= 5_000) {
                assertEquals(5_000 + 60_000, shift, "shift of late event " + i);
                late++;
            } else {
                assertTrue(shift >= 0, "shift of event " + i + ": " + shift);
            }
            // A watermark of 'event_time - 5 s' after the events before i.
            if (i > 0 && eventTime <= maxSoFar - 5_000) {
                lateForWatermark++;
            }
            maxSoFar = Math.max(maxSoFar, eventTime);
        }
        assertEquals(0.05, late / (double) EVENTS, 0.003);
        assertNotEquals(0, late);
        assertEquals(late - (isLate(generator, start) ? 1 : 0), lateForWatermark);
    }

    /** The first event has nothing before it, so it cannot be late for a watermark. */
    private static boolean isLate(EventGenerator<ClickEvent> generator, long start) {
        return generator.event(0).eventTimeMillis() < start - 5_000;
    }
}
