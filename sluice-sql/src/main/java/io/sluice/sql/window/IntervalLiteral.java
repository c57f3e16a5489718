package io.sluice.sql.window;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A day-time interval literal of a window call, e.g. {@code INTERVAL '10' MINUTE}, as a duration. */
final class IntervalLiteral {
    private static final Pattern INTERVAL = Pattern.compile(
            "(?is)\\s*INTERVAL\\s*'\\s*(\\d+)\\s*'\\s*(MILLISECOND|SECOND|MINUTE|HOUR|DAY)S?\\s*");

    private IntervalLiteral() {
    }

    /** The duration of {@code text} when it is exactly one interval literal with a single unit. */
    static Optional<Duration> parse(String text) {
        Matcher matcher = INTERVAL.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        return Optional.of(switch (matcher.group(2).toUpperCase(Locale.ROOT)) {
            case "MILLISECOND" -> Duration.ofMillis(amount);
            case "SECOND" -> Duration.ofSeconds(amount);
            case "MINUTE" -> Duration.ofMinutes(amount);
            case "HOUR" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }
}
