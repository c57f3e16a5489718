package io.sluice.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations the way Flink's options do ({@code 500ms}, {@code 10 s}, {@code 1min}, {@code 2h};
 * a bare number is milliseconds), plus ISO-8601 ({@code PT10S}).
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d+)\\s*([a-z]*)");
    private static final Map<String, Duration> UNITS = Map.ofEntries(
            Map.entry("", Duration.ofMillis(1)),
            Map.entry("ms", Duration.ofMillis(1)),
            Map.entry("milli", Duration.ofMillis(1)),
            Map.entry("millis", Duration.ofMillis(1)),
            Map.entry("s", Duration.ofSeconds(1)),
            Map.entry("sec", Duration.ofSeconds(1)),
            Map.entry("second", Duration.ofSeconds(1)),
            Map.entry("seconds", Duration.ofSeconds(1)),
            Map.entry("m", Duration.ofMinutes(1)),
            Map.entry("min", Duration.ofMinutes(1)),
            Map.entry("minute", Duration.ofMinutes(1)),
            Map.entry("minutes", Duration.ofMinutes(1)),
            Map.entry("h", Duration.ofHours(1)),
            Map.entry("hour", Duration.ofHours(1)),
            Map.entry("hours", Duration.ofHours(1)));

    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.startsWith("pt")) {
            return parseIso(value);
        }
        Matcher matcher = AMOUNT_AND_UNIT.matcher(text);
        Duration unit = matcher.matches() ? UNITS.get(matcher.group(2)) : null;
        if (unit == null) {
            throw invalid(value);
        }
        try {
            return unit.multipliedBy(Long.parseLong(matcher.group(1)));
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(value);
        }
    }

    private static Duration parseIso(String value) {
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw invalid(value);
        }
    }

    private static TypeConversionException invalid(String value) {
        return new TypeConversionException(
                "'" + value + "' is not a duration; write e.g. 500ms, 10s, 1min or 2h");
    }
}
