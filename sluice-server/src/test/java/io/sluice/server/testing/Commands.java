package io.sluice.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Short commands the test fixtures run (installing Debian packages, initialising servers), failing with their output. */
public final class Commands {
    private Commands() {
    }

    /** Runs the command to its end and returns its output; a non-zero exit or a timeout fails with the output. */
    public static String run(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("`" + String.join(" ", command) + "` failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /**
     * Installs a Debian package with apt-get when {@code installed} does not exist yet and the tests run
     * as root (as in CI); otherwise leaves it to the caller to report what is missing.
     */
    public static void installWhenAbsent(Path installed, String debianPackage) {
        if (!Files.exists(installed) && "root".equals(System.getProperty("user.name"))) {
            run(List.of("apt-get", "update", "-q"), Duration.ofMinutes(5));
            run(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q", debianPackage),
                    Duration.ofMinutes(10));
        }
    }
}
