package io.sluice.server.embedded;

import static java.util.Objects.requireNonNull;
import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stopping one process and its descendants: SIGTERM first, SIGKILL when it is still alive after the timeout.
 * Split into {@link #begin} and {@link #await} so that several processes stop in parallel.
 */
final class Termination {
    private static final Logger LOG = LoggerFactory.getLogger(Termination.class);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final Path logFile;
    private final ProcessHandle handle;
    private final List<ProcessHandle> descendants;
    private final Duration timeout;

    private Termination(String name, Path logFile, ProcessHandle handle, List<ProcessHandle> descendants, Duration timeout) {
        this.name = requireNonNull(name, "name is null");
        this.logFile = requireNonNull(logFile, "logFile is null");
        this.handle = requireNonNull(handle, "handle is null");
        this.descendants = List.copyOf(descendants);
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /** Sends SIGTERM to the process and its descendants. */
    static Termination begin(String name, Path logFile, ProcessHandle handle, Duration timeout) {
        // collected before the parent dies: afterwards they are re-parented and no longer found
        List<ProcessHandle> descendants = handle.descendants().toList();
        handle.destroy();
        descendants.forEach(ProcessHandle::destroy);
        return new Termination(name, logFile, handle, descendants, timeout);
    }

    /** Waits for the process to exit, kills it if it does not; true when it is gone. */
    boolean await() {
        if (!awaitExit(timeout)) {
            LOG.warn("{} (pid {}) did not stop within {} s; killing it. See {}", name, handle.pid(), timeout.toSeconds(), logFile);
            handle.destroyForcibly();
            if (!awaitExit(KILL_WAIT)) {
                LOG.error("{} (pid {}) is still alive {} s after SIGKILL; see {}", name, handle.pid(), KILL_WAIT.toSeconds(), logFile);
            }
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return !handle.isAlive();
    }

    private boolean awaitExit(Duration wait) {
        try {
            handle.onExit().get(wait.toMillis(), MILLISECONDS);
            return true;
        }
        catch (TimeoutException e) {
            return false;
        }
        catch (InterruptedException e) {
            // no time left to wait politely: make sure the process dies with us
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
            return !handle.isAlive();
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("Waiting for " + name + " (pid " + handle.pid() + ") failed", e);
        }
    }
}
