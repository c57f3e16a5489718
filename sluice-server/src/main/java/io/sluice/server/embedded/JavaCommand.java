package io.sluice.server.embedded;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A {@code java <jvm flags> -cp <classpath> <main class> <arguments>} command line. */
record JavaCommand(List<String> jvmFlags, String classpath, String mainClass, List<String> arguments) {
    JavaCommand {
        jvmFlags = List.copyOf(requireNonNull(jvmFlags, "jvmFlags is null"));
        requireNonNull(classpath, "classpath is null");
        requireNonNull(mainClass, "mainClass is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
    }

    List<String> toList() {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /** Children run on the server's own Java, so they see the same version and the same module flags apply. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** JVM options as Flink's and Kafka's scripts read them from a config value: split on whitespace. */
    static List<String> splitFlags(String flags) {
        return Arrays.stream(flags.trim().split("\\s+")).filter(flag -> !flag.isEmpty()).toList();
    }
}
