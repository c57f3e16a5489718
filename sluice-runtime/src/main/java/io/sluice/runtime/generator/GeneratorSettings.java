package io.sluice.runtime.generator;

import static io.sluice.runtime.generator.GeneratorOptions.DEFAULT_RATE;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/** The options every generator shares: seed, size, pace and timing of the events. */
public record GeneratorSettings(long seed, OptionalLong events, double rate, EventTiming timing, int users) {

    private static final DateTimeFormatter START_TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public GeneratorSettings {
        requireNonNull(events, "events is null");
        requireNonNull(timing, "timing is null");
    }

    static GeneratorSettings read(OptionReader options) {
        long seed = options.get(GeneratorOptions.SEED);
        OptionalLong events = options.getOptional(GeneratorOptions.EVENTS)
                .map(count -> OptionalLong.of(options.atLeast(count, GeneratorOptions.EVENTS, 1L)))
                .orElse(OptionalLong.empty());
        double rate = options.getOptional(GeneratorOptions.RATE).orElse(events.isPresent() ? 0.0 : DEFAULT_RATE);
        if (!(rate >= 0 && Double.isFinite(rate))) {
            throw options.invalid(GeneratorOptions.RATE, rate, "it must be a number >= 0 (0 means as fast as possible)");
        }
        // Without a rate limit, event time still advances as if DEFAULT_RATE events came per second.
        double pace = rate > 0 ? rate : DEFAULT_RATE;
        Duration interval = options.getOptional(GeneratorOptions.INTERVAL)
                .orElse(Duration.ofMillis(Math.max(1, Math.round(1000 / pace))));
        if (interval.toMillis() < 1) {
            throw options.invalid(GeneratorOptions.INTERVAL, interval, "it must be at least 1 ms");
        }
        Duration outOfOrderness = options.get(GeneratorOptions.OUT_OF_ORDERNESS);
        if (outOfOrderness.isNegative()) {
            throw options.invalid(GeneratorOptions.OUT_OF_ORDERNESS, outOfOrderness, "it must not be negative");
        }
        double lateFraction = options.get(GeneratorOptions.LATE_FRACTION);
        if (!(lateFraction >= 0 && lateFraction <= 1)) {
            throw options.invalid(GeneratorOptions.LATE_FRACTION, lateFraction, "it must be between 0 and 1");
        }
        int users = options.atLeast(options.get(GeneratorOptions.USERS), GeneratorOptions.USERS, 1);
        EventTiming timing = new EventTiming(startTime(options), interval, outOfOrderness, lateFraction);
        return new GeneratorSettings(seed, events, rate, timing, users);
    }

    private static Instant startTime(OptionReader options) {
        String text = options.get(GeneratorOptions.START_TIME);
        try {
            return LocalDateTime.parse(text.trim(), START_TIME_FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw options.invalid(GeneratorOptions.START_TIME, text,
                    "expected 'yyyy-MM-dd HH:mm:ss' in UTC, e.g. '" + GeneratorOptions.DEFAULT_START_TIME + "'", e);
        }
    }
}
