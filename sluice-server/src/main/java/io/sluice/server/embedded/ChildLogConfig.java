package io.sluice.server.embedded;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The log4j2 configuration file of embedded children, and the JVM flags that point a child at it. */
record ChildLogConfig(Path file) {
    static final String FILE_NAME = "log4j2.properties";
    private static final String RESOURCE = "child-log4j2.properties";

    ChildLogConfig {
        requireNonNull(file, "file is null");
    }

    /** Writes the configuration into {@code directory}, replacing an older copy so upgrades take effect. */
    static ChildLogConfig writeTo(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try (InputStream in = ChildLogConfig.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " is missing next to " + ChildLogConfig.class.getName());
            }
            Files.createDirectories(directory);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not write the child log configuration " + file, e);
        }
        return new ChildLogConfig(file);
    }

    /** Flink's web UI also reads {@code log.file}: it lists the log directory and serves the matching {@code .out}. */
    List<String> jvmFlags(Path logFile) {
        return List.of(
                "-Dlog.file=" + logFile.toAbsolutePath(),
                "-Dlog4j.configurationFile=" + file.toAbsolutePath().toUri());
    }
}
