package io.sluice.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    @Test
    void defaultsRunEverythingEmbeddedOnLoopback() {
        SluiceConfig config = loader.load(null, Map.of(), Map.of());
        assertEquals("127.0.0.1", config.server().host());
        assertEquals(8484, config.server().port());
        assertTrue(config.embedded().flink().enabled());
        assertEquals(1, config.embedded().flink().taskmanagers());
        assertEquals(4, config.embedded().flink().slots());
        assertTrue(config.embedded().kafka().enabled());
        assertTrue(config.database().embedded());
        assertEquals("local-kafka", config.kafka().connection());
    }

    @Test
    void fileThenEnvironmentThenFlagsOverride() throws IOException {
        Path file = dir.resolve("sluice.yaml");
        Files.writeString(file, """
                server:
                  port: 9000
                embedded:
                  flink:
                    enabled: false
                flink:
                  rest-url: http://flink:8081
                  job-options:
                    table.exec.mini-batch.enabled: true
                """);
        SluiceConfig config = loader.load(file,
                Map.of("SLUICE_SERVER_PORT", "9100", "SLUICE_EMBEDDED_KAFKA_PORT", "19092"),
                Map.of("server.port", "9200"));
        assertEquals(9200, config.server().port());
        assertEquals(19092, config.embedded().kafka().port());
        assertFalse(config.embedded().flink().enabled());
        assertEquals("http://flink:8081", config.flink().restUrl());
        assertEquals(Map.of("table.exec.mini-batch.enabled", "true"), config.flink().jobOptions());
    }

    @Test
    void unknownKeyIsRefusedWithItsPath() throws IOException {
        Path file = dir.resolve("sluice.yaml");
        Files.writeString(file, "embedded:\n  flink:\n    slot: 8\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loader.load(file, Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("embedded.flink.slot"), e.getMessage());
    }

    @Test
    void badValueIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loader.load(null, Map.of("SLUICE_SERVER_PORT", "eighty"), Map.of()));
        assertTrue(e.getMessage().contains("invalid configuration"), e.getMessage());
    }
}
