package io.sluice.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.sluice.server.testing.Commands;

/**
 * A real PostgreSQL server for tests, from Debian's binaries ({@code /usr/lib/postgresql/<v>/bin}),
 * on a temp data dir and a free loopback port. initdb refuses to run as root, so as root it runs as
 * the {@code postgres} user.
 */
public final class LocalPostgres implements AutoCloseable {
    private final Path bin;
    private final Path dataDir;
    private final int port;

    private LocalPostgres(Path bin, Path dataDir, int port) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
    }

    public static LocalPostgres start() {
        Path bin = findBin();
        try {
            Path base = Files.createTempDirectory("sluice-pg");
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path dataDir = base.resolve("data");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            run(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8"));
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-t", "60",
                    "-l", base.resolve("postgres.log").toString(),
                    "-o", "-p " + port + " -h 127.0.0.1 -k " + base, "start"));
            return new LocalPostgres(bin, dataDir, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a local PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    @Override
    public void close() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
    }

    /** Debian's binaries, installed with apt-get when this machine lacks them (the tests run as root in CI). */
    private static Path findBin() {
        Commands.installWhenAbsent(Path.of("/usr/lib/postgresql"), "postgresql");
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(dir -> Files.isExecutable(dir.resolve("initdb")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries under /usr/lib/postgresql; "
                            + "install them with `apt-get install postgresql`"));
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL under /usr/lib/postgresql; install it with `apt-get install postgresql`", e);
        }
    }

    private static void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        runAsIs(full);
    }

    private static void runAsIs(List<String> full) {
        Commands.run(full, Duration.ofMinutes(2));
    }
}
