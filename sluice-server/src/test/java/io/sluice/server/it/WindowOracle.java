package io.sluice.server.it;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a 1-minute event-time tumbling window per page must emit for clicks in arrival order, with a
 * watermark of (highest event time seen - bound): a row is dropped when its window has already fired.
 */
final class WindowOracle {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private WindowOracle() {
    }

    /** "page@window_start" → count, for every window the final watermark has closed. */
    static Map<String, Long> emitted(List<Click> arrivals, Duration bound) {
        LocalDateTime watermark = LocalDateTime.MIN;
        Map<String, Long> counts = new TreeMap<>();
        Map<String, LocalDateTime> windowEnds = new TreeMap<>();
        for (Click click : arrivals) {
            LocalDateTime start = click.eventTime().truncatedTo(ChronoUnit.MINUTES);
            LocalDateTime end = start.plusMinutes(1);
            boolean late = !end.minusNanos(1_000_000).isAfter(watermark);
            if (!late) {
                String key = click.page() + "@" + SECONDS.format(start);
                counts.merge(key, 1L, Long::sum);
                windowEnds.put(key, end);
            }
            LocalDateTime candidate = click.eventTime().minus(bound);
            if (candidate.isAfter(watermark)) {
                watermark = candidate;
            }
        }
        LocalDateTime finalWatermark = watermark;
        counts.keySet().removeIf(key -> windowEnds.get(key).minusNanos(1_000_000).isAfter(finalWatermark));
        return counts;
    }
}
