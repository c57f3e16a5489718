package io.sluice.server.deploy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/** Takes a savepoint through Flink's REST API and waits for it, within a deadline. */
public final class SavepointTaker {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private final FlinkClient flink;

    public SavepointTaker(FlinkClient flink) {
        this.flink = requireNonNull(flink, "flink is null");
    }

    /** A completed savepoint: where it is and, when the files are local, how large it is. */
    public record Taken(String location, Long sizeBytes) {
    }

    /** @param stop stop the job once the savepoint is complete (Flink's stop-with-savepoint) */
    public Taken take(String flinkJobId, boolean stop) {
        String trigger = flink.triggerSavepoint(flinkJobId, stop);
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> location = flink.savepointStatus(flinkJobId, trigger);
            if (location.isPresent()) {
                return new Taken(location.get(), localSize(location.get()));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a savepoint of " + flinkJobId, e);
            }
        }
        throw new SavepointFailedException(flinkJobId, "it did not complete within " + TIMEOUT.toMinutes() + " minutes");
    }

    private static Long localSize(String location) {
        URI uri = URI.create(location);
        if (uri.getScheme() != null && !"file".equals(uri.getScheme())) {
            return null;
        }
        Path dir = uri.getScheme() == null ? Path.of(location) : Path.of(uri);
        if (!Files.exists(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure savepoint " + location, e);
        }
    }
}
