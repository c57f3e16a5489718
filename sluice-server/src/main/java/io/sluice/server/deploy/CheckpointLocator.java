package io.sluice.server.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the newest completed checkpoint a Flink job left in the checkpoint directory
 * ({@code <dir>/<job id>/chk-<n>/_metadata}), so a job lost with its cluster resumes from it.
 */
public final class CheckpointLocator {
    private final Path checkpointsDir;

    public CheckpointLocator(Path checkpointsDir) {
        this.checkpointsDir = checkpointsDir;
    }

    public Optional<Path> latest(String flinkJobId) {
        Path jobDir = checkpointsDir.resolve(flinkJobId);
        if (!Files.isDirectory(jobDir)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(jobDir)) {
            return children
                    .filter(dir -> dir.getFileName().toString().startsWith("chk-"))
                    .filter(dir -> Files.isRegularFile(dir.resolve("_metadata")))
                    .max(Comparator.comparingLong(CheckpointLocator::number));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + jobDir, e);
        }
    }

    private static long number(Path dir) {
        return Long.parseLong(dir.getFileName().toString().substring("chk-".length()));
    }
}
