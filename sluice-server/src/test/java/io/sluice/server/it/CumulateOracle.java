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
 * What Flink's CUMULATE aggregation (COUNT per page) emits for clicks in arrival order, with a
 * watermark of (highest event time seen - bound), and what a lazy cumulative window emits: the same
 * without the rows whose count did not change since the page's previous row in that window.
 *
 * <p>Flink's rule for late rows in cumulative windows: a row whose step already fired is counted in
 * the window's first step that has not fired; a row whose whole window fired is dropped.
 */
final class CumulateOracle {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CumulateOracle() {
    }

    /** "page@start..end=count" for every step the final watermark fired, in CUMULATE's output. */
    static List<String> cumulate(List<Click> arrivals, Duration bound, long stepSeconds, long sizeSeconds) {
        return emitted(arrivals, bound, stepSeconds * 1000, sizeSeconds * 1000, false);
    }

    /** The same without unchanged repeats. */
    static List<String> lazy(List<Click> arrivals, Duration bound, long stepSeconds, long sizeSeconds) {
        return emitted(arrivals, bound, stepSeconds * 1000, sizeSeconds * 1000, true);
    }

    private static List<String> emitted(List<Click> arrivals, Duration bound, long step, long size, boolean lazy) {
        long watermark = Long.MIN_VALUE;
        // page -> window start -> step end at which the row counts -> rows
        Map<Integer, Map<Long, Map<Long, Integer>>> counted = new TreeMap<>();
        for (Click click : arrivals) {
            long ts = click.eventTime().toInstant(ZoneOffset.UTC).toEpochMilli();
            long windowStart = Math.floorDiv(ts, size) * size;
            long windowEnd = windowStart + size;
            if (windowEnd - 1 > watermark) {
                long stepEnd = Math.floorDiv(ts, step) * step + step;
                while (stepEnd - 1 <= watermark) {
                    stepEnd += step;
                }
                counted.computeIfAbsent(click.page(), p -> new TreeMap<>()).computeIfAbsent(windowStart, w -> new TreeMap<>())
                        .merge(stepEnd, 1, Integer::sum);
            }
            watermark = Math.max(watermark, ts - bound.toMillis());
        }
        List<String> rows = new ArrayList<>();
        long finalWatermark = watermark;
        counted.forEach((page, windows) -> windows.forEach((windowStart, steps) -> {
            long total = 0;
            long previous = -1;
            long first = steps.keySet().iterator().next();
            for (long end = first; end <= windowStart + size && end - 1 <= finalWatermark; end += step) {
                total += steps.getOrDefault(end, 0);
                if (!lazy || total != previous) {
                    rows.add(page + "@" + format(windowStart) + ".." + format(end) + "=" + total);
                }
                previous = total;
            }
        }));
        return rows;
    }

    private static String format(long epochMillis) {
        return SECONDS.format(LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, ZoneOffset.UTC));
    }
}
