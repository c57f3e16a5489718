package io.sluice.server.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;
import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A short-lived java command-line tool (Flink's BashJavaUtils, Kafka's StorageTool) run to completion. */
record ToolRun(int exitCode, String output) {
    private static final Logger LOG = LoggerFactory.getLogger(ToolRun.class);

    ToolRun {
        requireNonNull(output, "output is null");
    }

    /** Runs {@code command}; stdout and stderr together end up in {@link #output()}. */
    static ToolRun run(String description, JavaCommand command, Path workingDirectory, Duration timeout) {
        Path outputFile = null;
        try {
            // a file rather than a pipe, so that a hanging tool cannot block the reader past the timeout
            outputFile = Files.createTempFile(workingDirectory, "tool-", ".out");
            Process process = new ProcessBuilder(command.toList())
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(outputFile.toFile())
                    .start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(timeout.toMillis(), MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(outputFile, UTF_8);
            if (!finished) {
                throw new EmbeddedProcessException(description + " did not finish within " + timeout.toSeconds()
                        + " s; output:\n" + output);
            }
            return new ToolRun(process.exitValue(), output);
        }
        catch (IOException e) {
            throw new EmbeddedProcessException("Could not run " + description + ": " + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedProcessException("Interrupted while running " + description, e);
        }
        finally {
            delete(outputFile);
        }
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            // must not hide the tool's own outcome, which is already on its way to the caller
            LOG.warn("Could not delete the temporary tool output {}: {}", file, e.toString());
        }
    }
}
