package io.sluice.server.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium for the browser tests, installed with apt-get when absent (the tests drive it
 * with playwright-core, which downloads no browser of its own).
 */
final class LocalChromium {
    private static final Path BINARY = Path.of("/usr/bin/chromium");

    private LocalChromium() {
    }

    static synchronized Path executable() {
        if (!Files.isExecutable(BINARY) && "root".equals(System.getProperty("user.name"))) {
            run(List.of("apt-get", "update", "-q"));
            run(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q", "chromium"));
        }
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("no Chromium at " + BINARY + "; install it with `apt-get install chromium`");
        }
        return BINARY;
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("`" + String.join(" ", command) + "` failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
