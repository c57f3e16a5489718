package io.sluice.cli.jars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.cli.CliRun;
import io.sluice.cli.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice jar upload|list|delete} against a real server, and a script that names the uploaded jar. */
class JarCommandsIT {
    private static Map<String, String> env;

    @TempDir
    Path work;

    @BeforeAll
    static void findServer() {
        env = TestServer.environment();
    }

    private static CliRun sluice(String... args) {
        return CliRun.runWith(env, "", args);
    }

    private static CliRun ok(CliRun run) {
        assertEquals(0, run.exitCode(), "stdout: " + run.out() + "\nstderr: " + run.err());
        return run;
    }

    /** A jar holding the compiled Shout class, as a user's build would produce it. */
    private Path shoutJar() throws IOException {
        Path jar = work.resolve("cli-shout.jar");
        String entry = Shout.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                InputStream in = Shout.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void uploadListUseAndDeleteAJar() throws IOException {
        CliRun upload = ok(sluice("jar", "upload", shoutJar().toString()));
        assertTrue(upload.out().contains("Uploaded jar cli-shout"), upload.out());
        assertTrue(upload.out().contains(Shout.class.getName()), upload.out());

        CliRun list = ok(sluice("jar", "list"));
        assertTrue(list.out().lines().anyMatch(line -> line.startsWith("cli-shout ") && line.contains(Shout.class.getName())),
                list.out());

        Path script = work.resolve("shout.sql");
        Files.writeString(script, """
                CREATE FUNCTION shout AS 'io.sluice.cli.jars.Shout' USING JAR 'cli-shout';
                CREATE TABLE words (w STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
                CREATE TABLE loud (w STRING) WITH ('connector' = 'blackhole');
                INSERT INTO loud SELECT shout(w) FROM words WHERE shout(w) <> '';
                """);
        ok(sluice("validate", script.toString()));
        CliRun explain = ok(sluice("explain", script.toString()));
        assertTrue(explain.out().contains("udf call reuse: shout (io.sluice.cli.jars.Shout)"), explain.out());

        Path notAJar = work.resolve("notes.jar");
        Files.writeString(notAJar, "not a jar");
        CliRun refused = sluice("jar", "upload", notAJar.toString());
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.err().contains("is not a jar"), refused.err());

        ok(sluice("jar", "delete", "cli-shout"));
        CliRun unknown = sluice("validate", script.toString());
        assertNotEquals(0, unknown.exitCode());
        assertTrue(unknown.err().contains("shout.sql:1:64:") && unknown.err().contains("no uploaded jar is named 'cli-shout'"),
                unknown.err());
    }
}
