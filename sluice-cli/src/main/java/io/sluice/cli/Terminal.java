package io.sluice.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;

/** The streams a command reads from and writes to, injected so that tests can capture them. */
public record Terminal(PrintWriter out, PrintWriter err, InputStream in) {
    public Terminal {
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
        requireNonNull(in, "in is null");
    }

    /** The process's streams, in UTF-8 whatever the locale (Java 17 would otherwise use the locale's charset). */
    public static Terminal system() {
        return new Terminal(writer(System.out), writer(System.err), System.in);
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, UTF_8), true);
    }
}
