package io.sluice.server.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.sluice.server.SluiceServer;
import io.sluice.server.config.ConfigLoader;
import io.sluice.server.config.SluiceConfig;

/**
 * One real server (Flink processes, Kafka broker, H2) for every integration test of this JVM run:
 * starting them once keeps the suite fast. Stopped by a shutdown hook when the test JVM ends.
 */
final class SharedServer {
    private static SluiceServer server;
    private static ApiClient client;
    private static RuntimeException startFailure;

    private SharedServer() {
    }

    static synchronized ApiClient client() {
        if (startFailure != null) {
            throw new IllegalStateException("the shared server failed to start (see the first failing test)", startFailure);
        }
        if (server == null) {
            try {
                server = start(newDataDir("sluice-it"));
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            client = new ApiClient(server.url());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sluice-it-shutdown"));
        }
        return client;
    }

    /** The shared server itself, for tests that act on its processes. */
    static synchronized SluiceServer server() {
        client();
        return server;
    }

    static Path newDataDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server on free loopback ports, otherwise configured as a user's would be by default. */
    static SluiceServer start(Path dataDir) {
        return SluiceServer.start(config(dataDir, Map.of()));
    }

    static SluiceConfig config(Path dataDir, Map<String, String> more) {
        Map<String, String> overrides = new java.util.HashMap<>(Map.of(
                "data-dir", dataDir.toString(),
                "server.port", "0",
                "embedded.flink.rest-port", "0",
                "embedded.kafka.port", "0",
                "embedded.kafka.controller-port", "0",
                "monitor.interval-ms", "2000"));
        overrides.putAll(more);
        return new ConfigLoader().load(null, Map.of(), overrides);
    }
}
