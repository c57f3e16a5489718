package io.sluice.server.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles a directory of function sources against the test's class path (which holds Flink's table
 * API, as a user's function project does) and packs the classes into a jar, as {@code mvn package}
 * would: the test uploads what a user would upload.
 */
final class FunctionJarBuilder {
    private FunctionJarBuilder() {
    }

    static byte[] build(Path sources) {
        try {
            Path classes = Files.createTempDirectory("udf-classes");
            List<String> files;
            try (Stream<Path> walk = Files.walk(sources)) {
                files = walk.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                    "-cp", System.getProperty("java.class.path")));
            arguments.addAll(files);
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = compiler.run(null, null, errors, arguments.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("cannot compile " + sources + ": " + errors);
            }
            ByteArrayOutputStream jar = new ByteArrayOutputStream();
            try (JarOutputStream out = new JarOutputStream(jar); Stream<Path> walk = Files.walk(classes)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(file));
                    out.closeEntry();
                }
            }
            return jar.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
