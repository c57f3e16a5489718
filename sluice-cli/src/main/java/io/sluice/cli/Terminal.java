package io.sluice.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;

/** The streams a command reads from and writes to, injected so that tests can capture them. */
public record Terminal(PrintWriter out, PrintWriter err, InputStream in) {
    public Terminal {
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
        requireNonNull(in, "in is null");
    }

    /**
     * The process's streams in UTF-8, whatever the locale (Java 17 would use the locale's charset).
     * They write to the file descriptors directly, not through System.out, which would swallow the
     * error of a closed pipe that {@link PrintWriter#checkError()} must see.
     */
    public static Terminal system() {
        return new Terminal(writer(FileDescriptor.out), writer(FileDescriptor.err), System.in);
    }

    private static PrintWriter writer(FileDescriptor descriptor) {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(descriptor), UTF_8)), true);
    }
}
