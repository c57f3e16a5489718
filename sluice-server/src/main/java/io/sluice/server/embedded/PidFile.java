package io.sluice.server.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the pid and start time of a child so that a server that was killed hard (SIGKILL, power loss of the
 * terminal) can stop the children it left behind before it starts new ones on the same ports. The start time
 * tells a leftover child apart from an unrelated process that got the same pid later.
 */
final class PidFile {
    private static final Logger LOG = LoggerFactory.getLogger(PidFile.class);

    private final Path path;

    PidFile(Path path) {
        this.path = requireNonNull(path, "path is null");
    }

    Path path() {
        return path;
    }

    void record(ProcessHandle process) {
        long startMillis = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, process.pid() + " " + startMillis + "\n", UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not write pid file " + path, e);
        }
    }

    /** The process recorded in this file if it is still running. */
    Optional<ProcessHandle> findRunning() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        String content;
        try {
            content = Files.readString(path, UTF_8).trim();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not read pid file " + path, e);
        }
        String[] parts = content.split("\\s+");
        long pid;
        long startMillis;
        try {
            pid = Long.parseLong(parts[0]);
            startMillis = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
        }
        catch (NumberFormatException e) {
            LOG.warn("Pid file {} holds '{}', not '<pid> <start millis>'; not looking for a leftover process", path, content);
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> startMillis != 0
                        && handle.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == startMillis);
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not delete pid file " + path, e);
        }
    }
}
