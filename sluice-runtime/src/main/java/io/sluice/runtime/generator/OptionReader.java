package io.sluice.runtime.generator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;

/** Reads the options of one connector; every failure names the option and the connector. */
public final class OptionReader {

    private final String connector;
    private final ReadableConfig options;

    OptionReader(String connector, ReadableConfig options) {
        this.connector = requireNonNull(connector, "connector is null");
        this.options = requireNonNull(options, "options is null");
    }

    public <T> T get(ConfigOption<T> option) {
        try {
            return options.get(option);
        } catch (IllegalArgumentException e) {
            throw unparsable(option, e);
        }
    }

    /** The value the user set, ignoring the option's default. */
    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        try {
            return options.getOptional(option);
        } catch (IllegalArgumentException e) {
            throw unparsable(option, e);
        }
    }

    public <T extends Comparable<T>> T atLeast(T value, ConfigOption<T> option, T minimum) {
        if (value.compareTo(minimum) < 0) {
            throw invalid(option, value, "it must be at least " + minimum);
        }
        return value;
    }

    public ValidationException invalid(ConfigOption<?> option, Object value, String requirement) {
        return new ValidationException(message(option, value, requirement));
    }

    ValidationException invalid(ConfigOption<?> option, Object value, String requirement, Throwable cause) {
        return new ValidationException(message(option, value, requirement), cause);
    }

    private String message(ConfigOption<?> option, Object value, String requirement) {
        // Durations read as the user writes them, not as ISO-8601 (PT10S).
        Object shown = value instanceof Duration duration ? duration.toMillis() + " ms" : value;
        return String.format(
                "Invalid value '%s' for option '%s' of connector '%s': %s.", shown, option.key(), connector, requirement);
    }

    private ValidationException unparsable(ConfigOption<?> option, IllegalArgumentException cause) {
        return new ValidationException(String.format(
                "Invalid value for option '%s' of connector '%s': %s", option.key(), connector, cause.getMessage()), cause);
    }
}
