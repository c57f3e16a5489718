package io.sluice.runtime.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdEventGeneratorTest {

    private static final int EVENTS = 100_000;

    private static EventGenerator<AdEvent> generator(Map<String, String> options) {
        return new AdEventsTableFactory().generatorFor(options);
    }

    @Test
    void everyClickFollowsAnImpressionOfTheSameAdAndUser() {
        EventGenerator<AdEvent> generator =
                generator(Map.of("seed", "11", "interval", "10", "out-of-orderness", "2 s", "click-delay", "10 s"));
        int clicks = 0;
        for (long i = 0; i < EVENTS; i++) {
            AdEvent event = generator.event(i);
            if (event.type() == AdEventType.IMPRESSION) {
                assertEquals(i, event.impressionIndex());
                continue;
            }
            clicks++;
            AdEvent impression = generator.event(event.impressionIndex());
            assertSame(AdEventType.IMPRESSION, impression.type(), "event clicked by " + i);
            assertEquals(impression.adId(), event.adId());
            assertEquals(impression.userName(), event.userName());
            long gap = event.eventTimeMillis() - impression.eventTimeMillis();
            assertTrue(gap > 0 && gap < 10_000 + 2_000, "click " + i + " comes " + gap + " ms after its impression");
            long indexGap = i - event.impressionIndex();
            assertTrue(indexGap > 200 && indexGap <= 1_000, "click " + i + " is " + indexGap + " events later");
        }
        assertTrue(clicks > 0);
    }

    @Test
    void clickShareFollowsClickRatio() {
        for (double ratio : new double[] {0.0, 0.1, 0.5}) {
            EventGenerator<AdEvent> generator = generator(Map.of("click-ratio", Double.toString(ratio)));
            int clicks = 0;
            for (long i = 0; i < EVENTS; i++) {
                clicks += generator.event(i).type() == AdEventType.CLICK ? 1 : 0;
            }
            assertEquals(ratio, clicks / (double) EVENTS, 0.005, "click share for ratio " + ratio);
        }
    }

    @Test
    void adIdsCoverOneToAds() {
        EventGenerator<AdEvent> generator = generator(Map.of("ads", "20"));
        Set<Long> ads = new HashSet<>();
        for (long i = 0; i < 10_000; i++) {
            ads.add(generator.event(i).adId());
        }
        assertEquals(20, ads.size());
        assertTrue(ads.stream().allMatch(ad -> ad >= 1 && ad <= 20), ads.toString());
    }

    @Test
    void sameOptionsGiveSameEventsInAnyOrder() {
        Map<String, String> options = Map.of("seed", "5", "click-ratio", "0.3", "out-of-orderness", "1 s");
        EventGenerator<AdEvent> first = generator(options);
        EventGenerator<AdEvent> second = generator(options);
        for (long i = 9_999; i >= 0; i--) {
            assertEquals(first.event(9_999 - i), second.event(9_999 - i));
            assertEquals(second.event(i), first.event(i));
        }
    }
}
