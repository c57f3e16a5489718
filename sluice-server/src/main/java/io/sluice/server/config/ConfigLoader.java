package io.sluice.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Builds the configuration in layers: built-in defaults, then the YAML file, then {@code SLUICE_*}
 * environment variables, then explicit overrides (command-line flags). A variable's name is the key's
 * path in upper case with dots and dashes as underscores: {@code embedded.flink.rest-port} is
 * {@code SLUICE_EMBEDDED_FLINK_REST_PORT}.
 */
public final class ConfigLoader {
    private static final String DEFAULTS = "/io/sluice/server/sluice-defaults.yaml";
    /** Maps whose keys are Flink's, passed through unchanged rather than checked against the defaults. */
    private static final Set<String> PASS_THROUGH = Set.of("flink.cluster-options", "flink.job-options");
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public SluiceConfig load(Path file, Map<String, String> environment, Map<String, String> overrides) {
        ObjectNode tree = readDefaults();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("configuration file " + file + " does not exist");
            }
            merge(tree, read(file), file.toString(), "");
        }
        for (String path : leafPaths(tree, "")) {
            String variable = "SLUICE_" + path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            if (environment.containsKey(variable)) {
                set(tree, path, environment.get(variable));
            }
        }
        overrides.forEach((path, value) -> {
            if (!leafPaths(tree, "").contains(path)) {
                throw new IllegalArgumentException("unknown configuration key " + path);
            }
            set(tree, path, value);
        });
        try {
            return yaml.treeToValue(tree, SluiceConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid configuration: " + e.getMessage(), e);
        }
    }

    private ObjectNode readDefaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(Path file) {
        try {
            return yaml.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Copies the file's keys over the defaults, refusing keys the defaults do not know (typos). */
    private static void merge(ObjectNode target, JsonNode source, String origin, String prefix) {
        if (source == null || source.isMissingNode() || source.isNull()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode existing = target.get(field.getKey());
            if (existing == null) {
                throw new IllegalArgumentException("unknown key '" + path + "' in " + origin);
            }
            if (PASS_THROUGH.contains(path)) {
                if (!field.getValue().isObject() && !field.getValue().isNull()) {
                    throw new IllegalArgumentException("'" + path + "' in " + origin + " must be a map of Flink options");
                }
                target.set(field.getKey(), field.getValue().isNull() ? target.objectNode() : field.getValue());
            } else if (existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, field.getValue(), origin, path);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static List<String> leafPaths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        node.fields().forEachRemaining(field -> {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (PASS_THROUGH.contains(path)) {
                return;
            }
            if (field.getValue().isObject()) {
                paths.addAll(leafPaths(field.getValue(), path));
            } else {
                paths.add(path);
            }
        });
        return paths;
    }

    private static void set(ObjectNode tree, String path, String value) {
        String[] keys = path.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < keys.length - 1; i++) {
            node = (ObjectNode) node.get(keys[i]);
        }
        node.put(keys[keys.length - 1], value);
    }
}
