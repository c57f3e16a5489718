package io.sluice.server.it;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a late-accumulating tumbling window (COUNT per page) must hold at the end for clicks in arrival
 * order, with a watermark of (highest event time seen - bound): every row counts unless its window
 * ended more than the allowed lateness before the watermark (end - 1 + lateness &lt;= watermark); those
 * are the too-late rows.
 */
final class LateTumbleOracle {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Map<String, Long> totals = new TreeMap<>();
    private final List<Click> tooLate = new ArrayList<>();
    private final List<Click> lateWithinLateness = new ArrayList<>();

    LateTumbleOracle(List<Click> arrivals, Duration bound, Duration size, Duration lateness) {
        long watermark = Long.MIN_VALUE;
        Map<String, Long> windowEnds = new TreeMap<>();
        for (Click click : arrivals) {
            long ts = click.eventTime().toInstant(ZoneOffset.UTC).toEpochMilli();
            long start = Math.floorDiv(ts, size.toMillis()) * size.toMillis();
            long end = start + size.toMillis();
            if (end - 1 + lateness.toMillis() <= watermark) {
                tooLate.add(click);
            } else {
                if (end - 1 <= watermark) {
                    lateWithinLateness.add(click);
                }
                String key = click.page() + "@" + SECONDS.format(LocalDateTime.ofEpochSecond(start / 1000, 0, ZoneOffset.UTC));
                totals.merge(key, 1L, Long::sum);
                windowEnds.put(key, end);
            }
            watermark = Math.max(watermark, ts - bound.toMillis());
        }
        long finalWatermark = watermark;
        totals.keySet().removeIf(key -> windowEnds.get(key) - 1 > finalWatermark);
    }

    /** "page@window_start" → total, for every window the final watermark fired. */
    Map<String, Long> totals() {
        return totals;
    }

    List<Click> tooLate() {
        return tooLate;
    }

    List<Click> lateWithinLateness() {
        return lateWithinLateness;
    }
}
