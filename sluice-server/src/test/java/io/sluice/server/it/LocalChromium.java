package io.sluice.server.it;

import java.nio.file.Files;
import java.nio.file.Path;

import io.sluice.server.testing.Commands;

/**
 * Debian's Chromium for the browser tests, installed with apt-get when absent (the tests drive it
 * with playwright-core, which downloads no browser of its own).
 */
final class LocalChromium {
    private static final Path BINARY = Path.of("/usr/bin/chromium");

    private LocalChromium() {
    }

    static synchronized Path executable() {
        Commands.installWhenAbsent(BINARY, "chromium");
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("no Chromium at " + BINARY + "; install it with `apt-get install chromium`");
        }
        return BINARY;
    }
}
