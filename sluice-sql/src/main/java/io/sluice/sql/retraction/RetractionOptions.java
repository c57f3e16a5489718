package io.sluice.sql.retraction;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.util.TimeUtils;

/** Sluice's settings for retraction reduction; defaults come from the job profile. */
public final class RetractionOptions {

    public static final ConfigOption<String> OUTER_JOIN_CACHE_INTERVAL = ConfigOptions
            .key("sluice.retraction.outer-join-cache-interval")
            .stringType()
            .defaultValue("off")
            .withDescription("How long a LEFT/RIGHT/FULL regular join holds a row it would pad with NULLs, waiting for "
                    + "its match, before sending it; '0' or 'off' sends it at once, as Flink does.");

    public static final ConfigOption<String> BUFFER_INTERVAL = ConfigOptions
            .key("sluice.retraction.buffer-interval")
            .stringType()
            .defaultValue("off")
            .withDescription("How long the buffer after a group aggregation folds a key's updates before sending the "
                    + "net change to the next aggregation level or the sink; '0' or 'off' sends every update.");

    private RetractionOptions() {}

    /** The net-change buffer interval, or empty when it is off. */
    public static Optional<Duration> bufferInterval(ReadableConfig config) {
        return interval(config.get(BUFFER_INTERVAL), BUFFER_INTERVAL);
    }

    /** The outer-join cache interval, or empty when it is off. */
    public static Optional<Duration> outerJoinCacheInterval(ReadableConfig config) {
        return interval(config.get(OUTER_JOIN_CACHE_INTERVAL), OUTER_JOIN_CACHE_INTERVAL);
    }

    private static Optional<Duration> interval(String value, ConfigOption<String> option) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.equals("off") || text.equals("false") || text.equals("0")) {
            return Optional.empty();
        }
        Duration interval;
        try {
            interval = TimeUtils.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + option.key() + "' = '" + value + "' is not a duration; use e.g. "
                    + "'2 min', '30 s', or 'off'", e);
        }
        return interval.isZero() ? Optional.empty() : Optional.of(interval);
    }
}
