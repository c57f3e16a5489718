package io.sluice.server.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.util.Objects.requireNonNull;
import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one java child process: starts it, restarts it with a bounded back-off when it dies on its own, and stops
 * it (SIGTERM, then SIGKILL after {@link ChildProcessSpec#stopTimeout()}).
 *
 * <p>Safety net: every started child is also stopped by a JVM shutdown hook, so Ctrl-C or SIGTERM of the server
 * leaves no child behind even if the caller never reaches {@link #close()}. After a SIGKILL of the server no hook
 * runs; callers then stop such leftovers with {@link LeftoverProcesses} before they start new children.
 */
final class ChildProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);

    private static final Duration FIRST_RESTART_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(30);
    // a child that ran this long before it died was healthy; its next restart starts the back-off from the beginning
    private static final Duration HEALTHY_RUN = Duration.ofMinutes(1);

    private final ChildProcessSpec spec;
    private final PidFile pidFile;

    // guarded by this
    private Process process;
    private Instant launchedAt;
    private boolean stopping;
    private int failuresInARow;
    private int unexpectedExits;
    private OptionalInt lastExitCode = OptionalInt.empty();

    ChildProcess(ChildProcessSpec spec) {
        this.spec = requireNonNull(spec, "spec is null");
        this.pidFile = new PidFile(spec.pidFile());
    }

    String name() {
        return spec.name();
    }

    Path logFile() {
        return spec.logFile();
    }

    Path outFile() {
        return spec.outFile();
    }

    /** Starts the child and supervises it until {@link #close()}. */
    synchronized void start() {
        if (process != null || stopping) {
            throw new IllegalStateException(spec.name() + " was already started");
        }
        ShutdownReaper.register(this);
        try {
            launch();
        }
        catch (IOException | RuntimeException e) {
            // a half-started child must not outlive the failure
            beginStop().ifPresent(StopInProgress::await);
            ShutdownReaper.forget(this);
            throw new EmbeddedProcessException("Could not start " + spec.name() + ": " + e.getMessage()
                    + ". See " + spec.outFile(), e);
        }
        LOG.info("Started {} (pid {}); log {}", spec.name(), process.pid(), spec.logFile());
    }

    synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(spec.name() + " was not started");
        }
        return process.pid();
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** True once {@link #close()} (or the shutdown hook) began to stop this child. */
    synchronized boolean isStopping() {
        return stopping;
    }

    /** How often the child died on its own since {@link #start()}. */
    synchronized int unexpectedExits() {
        return unexpectedExits;
    }

    synchronized OptionalInt lastExitCode() {
        return lastExitCode;
    }

    /** Stops the child and its descendants and ends supervision; returns once they are gone. */
    @Override
    public void close() {
        stopAll(List.of(this));
    }

    /** Stops several children in parallel: all get SIGTERM first, then each is awaited. */
    static void stopAll(Collection<ChildProcess> children) {
        List<StopInProgress> stops = children.stream()
                .map(ChildProcess::beginStop)
                .flatMap(Optional::stream)
                .toList();
        stops.forEach(StopInProgress::await);
    }

    // caller holds the lock
    private void launch() throws IOException {
        Files.createDirectories(spec.outFile().getParent());
        Files.createDirectories(spec.logFile().getParent());
        Files.writeString(spec.outFile(), "---- " + Instant.now() + " starting " + spec.name() + "\n", UTF_8, CREATE, APPEND);
        ProcessBuilder builder = new ProcessBuilder(spec.command().toList())
                .directory(spec.workingDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(spec.outFile().toFile()));
        builder.environment().putAll(spec.environment());
        LOG.debug("Starting {}: {}", spec.name(), builder.command());
        Process started = builder.start();
        process = started;
        launchedAt = Instant.now();
        started.onExit().thenAccept(this::onExit);
        // children never read stdin: give them end-of-file rather than a pipe nobody writes to
        started.getOutputStream().close();
        try {
            pidFile.record(started.toHandle());
        }
        catch (UncheckedIOException e) {
            // the child runs fine without it; only a leftover after a hard kill of the server would go unnoticed
            LOG.warn("Could not record {} (pid {}) in {}: {}", spec.name(), started.pid(), pidFile.path(), e.getCause().toString());
        }
    }

    private void onExit(Process exited) {
        Duration delay;
        synchronized (this) {
            if (stopping || exited != process) {
                return;
            }
            int exitCode = exited.exitValue();
            unexpectedExits++;
            lastExitCode = OptionalInt.of(exitCode);
            Duration ran = Duration.between(launchedAt, Instant.now());
            failuresInARow = ran.compareTo(HEALTHY_RUN) >= 0 ? 1 : failuresInARow + 1;
            delay = restartDelay(failuresInARow);
            LOG.warn("{} (pid {}) exited unexpectedly with code {} after {} s; restarting it in {} s. See its log {} "
                            + "and its output {}",
                    spec.name(), exited.pid(), exitCode, ran.toSeconds(), delay.toSeconds(), spec.logFile(), spec.outFile());
        }
        scheduleRestart(delay);
    }

    private void scheduleRestart(Duration delay) {
        CompletableFuture.runAsync(this::restart, CompletableFuture.delayedExecutor(delay.toMillis(), MILLISECONDS));
    }

    private synchronized void restart() {
        if (stopping || ShutdownReaper.isShuttingDown()) {
            return;
        }
        try {
            launch();
            LOG.info("Restarted {} (pid {}); log {}", spec.name(), process.pid(), spec.logFile());
        }
        catch (IOException | RuntimeException e) {
            failuresInARow++;
            Duration delay = restartDelay(failuresInARow);
            LOG.error("Could not restart {}; trying again in {} s. See {}", spec.name(), delay.toSeconds(), spec.outFile(), e);
            scheduleRestart(delay);
        }
    }

    static Duration restartDelay(int failuresInARow) {
        int doublings = Math.min(Math.max(failuresInARow - 1, 0), 10);
        Duration delay = FIRST_RESTART_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_RESTART_DELAY) > 0 ? MAX_RESTART_DELAY : delay;
    }

    private synchronized Optional<StopInProgress> beginStop() {
        stopping = true;
        if (process == null) {
            ShutdownReaper.forget(this);
            return Optional.empty();
        }
        return Optional.of(new StopInProgress(this,
                Termination.begin(spec.name(), spec.logFile(), process.toHandle(), spec.stopTimeout())));
    }

    private record StopInProgress(ChildProcess child, Termination termination) {
        void await() {
            if (termination.await()) {
                child.pidFile.delete();
            }
            // only now: a shutdown hook running meanwhile must still wait for this child
            ShutdownReaper.forget(child);
        }
    }

    /** The JVM shutdown hook that stops every child still running when the server JVM exits. */
    private static final class ShutdownReaper {
        private static final Set<ChildProcess> RUNNING = ConcurrentHashMap.newKeySet();
        private static volatile boolean shuttingDown;

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownReaper::stopRunning, "sluice-child-reaper"));
        }

        static void register(ChildProcess child) {
            RUNNING.add(child);
        }

        static void forget(ChildProcess child) {
            RUNNING.remove(child);
        }

        static boolean isShuttingDown() {
            return shuttingDown;
        }

        private static void stopRunning() {
            shuttingDown = true;
            stopAll(List.copyOf(RUNNING));
        }
    }
}
