package io.sluice.server.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Children that an earlier server left running because it was killed hard (SIGKILL: no shutdown hook ran). They
 * hold the fixed ports and the data directory, so they are stopped before new children start.
 */
final class LeftoverProcesses {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverProcesses.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private LeftoverProcesses() {
    }

    /** Stops every live process recorded in {@code runDirectory/<prefix>*.pid}. */
    static void stop(Path runDirectory, String namePrefix, Path logDirectory) {
        if (!Files.isDirectory(runDirectory)) {
            return;
        }
        List<Termination> terminations = new ArrayList<>();
        List<Path> pidFiles = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDirectory, namePrefix + "*.pid")) {
            for (Path file : files) {
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                Optional<ProcessHandle> leftover = new PidFile(file).findRunning();
                if (leftover.isPresent()) {
                    LOG.warn("Stopping {} (pid {}) left over from an earlier run of the server (pid file {})",
                            name, leftover.get().pid(), file);
                    terminations.add(Termination.begin(name, logDirectory.resolve(name + ".log"), leftover.get(), STOP_TIMEOUT));
                }
                pidFiles.add(file);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not read pid files in " + runDirectory, e);
        }
        for (Termination termination : terminations) {
            if (!termination.await()) {
                throw new EmbeddedProcessException("A process left over from an earlier run in " + runDirectory
                        + " could not be stopped; stop it by hand (see the WARN above for its pid)");
            }
        }
        pidFiles.forEach(file -> new PidFile(file).delete());
    }
}
