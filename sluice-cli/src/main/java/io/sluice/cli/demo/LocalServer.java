package io.sluice.cli.demo;

import io.sluice.cli.CliException;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Sluice server the demo started as a child process ({@code bin/sluice server}), with its output in a log file. */
public final class LocalServer {
    private static final long STOP_GRACE_SECONDS = 60;

    private final Process process;
    private final Path log;

    private LocalServer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code LAUNCHER server --data-dir DIR --port PORT}. The child gets its own session
     * (where {@code setsid} exists) so that Ctrl-C in the terminal reaches only the demo, which then
     * stops the jobs while the server still answers, and the server after them.
     */
    public static LocalServer start(Path launcher, Path dataDirectory, int port, Map<String, String> environment,
                                    Path log) {
        List<String> command = new ArrayList<>();
        if (onPath("setsid")) {
            command.add("setsid");
        }
        command.addAll(List.of(launcher.toString(), "server",
                "--data-dir", dataDirectory.toString(), "--port", Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(dataDirectory);
            return new LocalServer(builder.start(), log);
        } catch (IOException e) {
            throw new CliException("cannot start `" + String.join(" ", command) + "`: " + e.getMessage(), e);
        }
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitCode() {
        return process.exitValue();
    }

    /** Waits up to the given time for the process to exit; true if it did. */
    public boolean awaitExit(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /** Asks the server to shut down (SIGTERM, so it stops its Flink and Kafka processes), and kills it if it does not. */
    public void stop(PrintWriter out) {
        if (!process.isAlive()) {
            return;
        }
        // taken before the server exits: afterwards its children are no longer listed under it
        List<ProcessHandle> descendants = process.descendants().toList();
        out.println("Stopping the Sluice server (pid " + process.pid() + ")...");
        process.destroy();
        boolean exited = waitFor(STOP_GRACE_SECONDS);
        if (!exited) {
            out.println("The server did not stop within " + STOP_GRACE_SECONDS + " s; killing it and its processes.");
            process.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
            waitFor(STOP_GRACE_SECONDS);
            return;
        }
        List<ProcessHandle> leftovers = descendants.stream().filter(ProcessHandle::isAlive).toList();
        if (!leftovers.isEmpty()) {
            // an orphaned Flink or Kafka process would hold its ports and break the next start
            out.println("Stopping " + leftovers.size() + " process(es) the server left running.");
            leftovers.forEach(ProcessHandle::destroy);
        }
        out.println("Server stopped.");
    }

    private boolean waitFor(long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, executable))) {
                return true;
            }
        }
        return false;
    }
}
