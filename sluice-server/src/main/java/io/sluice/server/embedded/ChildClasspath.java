package io.sluice.server.embedded;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The classpath that embedded child processes start with. */
public final class ChildClasspath {
    private ChildClasspath() {
    }

    /** All jars of a distribution's {@code lib/} directory, as a classpath wildcard that the java launcher expands. */
    public static String ofLibDirectory(Path libDirectory) {
        requireNonNull(libDirectory, "libDirectory is null");
        return libDirectory.toAbsolutePath().normalize() + File.separator + "*";
    }

    /**
     * The classpath of the running JVM (tests, IDE runs), with every entry made absolute because children run in
     * their own working directory.
     */
    public static String ofCurrentJvm() {
        String classpath = System.getProperty("java.class.path");
        if (classpath == null || classpath.isBlank()) {
            throw new IllegalStateException("java.class.path is empty; pass the classpath for embedded processes explicitly");
        }
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(ChildClasspath::absolute)
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String absolute(String entry) {
        // a trailing '*' is the launcher's wildcard for all jars in a directory, not a file name: keep it
        if (entry.equals("*") || entry.endsWith(File.separator + "*")) {
            String directory = entry.substring(0, entry.length() - 1);
            return Path.of(directory.isEmpty() ? "." : directory).toAbsolutePath().normalize() + File.separator + "*";
        }
        return Path.of(entry).toAbsolutePath().normalize().toString();
    }
}
