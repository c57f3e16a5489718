package io.sluice.server.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.FallbackKey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The {@code config.yaml} of the embedded Flink cluster: Sluice's defaults, overridden by the user's Flink options.
 * A user option also replaces a default that it names by an older (deprecated) key, because Flink would otherwise
 * prefer the default under the current key.
 */
final class FlinkConfigFile {
    static final String FILE_NAME = "config.yaml";

    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            // one line per option, however long, so the file reads (and greps) like Flink's own
            .disable(YAMLGenerator.Feature.SPLIT_LINES));

    private final SortedMap<String, String> options;

    private FlinkConfigFile(SortedMap<String, String> options) {
        this.options = Collections.unmodifiableSortedMap(options);
    }

    static FlinkConfigFile of(Map<ConfigOption<?>, String> defaults, Map<String, String> overrides) {
        requireNonNull(defaults, "defaults is null");
        requireNonNull(overrides, "overrides is null");
        SortedMap<String, String> options = new TreeMap<>();
        defaults.forEach((option, value) -> {
            if (!overriddenBy(option, overrides)) {
                options.put(option.key(), value);
            }
        });
        options.putAll(overrides);
        return new FlinkConfigFile(options);
    }

    private static boolean overriddenBy(ConfigOption<?> option, Map<String, String> overrides) {
        return overrides.containsKey(option.key())
                || StreamSupport.stream(option.fallbackKeys().spliterator(), false)
                        .map(FallbackKey::getKey)
                        .anyMatch(overrides::containsKey);
    }

    Map<String, String> options() {
        return options;
    }

    /** The options as Flink reads them, to look up effective values through their {@link ConfigOption}s. */
    Configuration toConfiguration() {
        return Configuration.fromMap(options);
    }

    /** Flat keys and quoted string values: Flink 2 reads config.yaml as standard YAML and converts strings itself. */
    String render() {
        try {
            return "# Written by Sluice at every start of the embedded Flink cluster; set Flink options in sluice.yaml.\n"
                    + YAML.writeValueAsString(options);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not render Flink options as YAML", e);
        }
    }

    Path writeTo(Path confDirectory) {
        Path file = confDirectory.resolve(FILE_NAME);
        try {
            Files.createDirectories(confDirectory);
            Files.writeString(file, render(), UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not write Flink configuration " + file, e);
        }
        return file;
    }
}
