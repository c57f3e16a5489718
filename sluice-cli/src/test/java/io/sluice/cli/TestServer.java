package io.sluice.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import io.sluice.server.SluiceServer;
import io.sluice.server.config.ConfigLoader;

/**
 * One real server (Flink processes, Kafka broker, H2) for every CLI integration test of this JVM run,
 * on free loopback ports: starting it once keeps the suite short. Stopped when the test JVM ends.
 */
public final class TestServer {
    private static Map<String, String> environment;

    private TestServer() {
    }

    /** The environment that points the CLI at the server ({@code SLUICE_SERVER}), starting it on first use. */
    public static synchronized Map<String, String> environment() {
        if (environment == null) {
            SluiceServer server;
            try {
                server = SluiceServer.start(new ConfigLoader().load(null, Map.of(), Map.of(
                        "data-dir", Files.createTempDirectory("sluice-cli-it").toString(), "server.port", "0",
                        "embedded.flink.rest-port", "0", "embedded.kafka.port", "0", "embedded.kafka.controller-port", "0")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sluice-cli-it-shutdown"));
            environment = Map.of("SLUICE_SERVER", server.url().toString());
        }
        return environment;
    }
}
