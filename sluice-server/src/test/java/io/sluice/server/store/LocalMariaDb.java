package io.sluice.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.sluice.server.testing.Commands;
import io.sluice.server.testing.Poll;

/**
 * A real MariaDB server for tests, from Debian's {@code mariadb-server} (installed with apt-get when
 * absent), on a temp data dir and a free loopback port. It runs without grant tables: tests connect
 * as any user, which keeps the fixture free of passwords.
 */
public final class LocalMariaDb implements AutoCloseable {
    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private final Process process;
    private final int port;

    private LocalMariaDb(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static LocalMariaDb start() {
        boolean root = "root".equals(System.getProperty("user.name"));
        Commands.installWhenAbsent(SERVER, "mariadb-server");
        if (!Files.isExecutable(SERVER)) {
            throw new IllegalStateException("no MariaDB server at " + SERVER + "; install it with `apt-get install mariadb-server`");
        }
        try {
            Path base = Files.createTempDirectory("sluice-mariadb");
            Path data = base.resolve("data");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> user = root ? List.of("--user=root") : List.of();
            List<String> install = new ArrayList<>(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + data,
                    "--auth-root-authentication-method=normal", "--skip-test-db"));
            install.addAll(user);
            run(install);
            List<String> command = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults", "--datadir=" + data,
                    "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + base.resolve("mariadb.sock"),
                    "--pid-file=" + base.resolve("mariadb.pid"), "--skip-grant-tables", "--skip-networking=0"));
            command.addAll(user);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(base.resolve("mariadb.log").toFile()).start();
            LocalMariaDb server = new LocalMariaDb(process, port);
            server.awaitReady(Duration.ofSeconds(60), base.resolve("mariadb.log"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a local MariaDB", e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "root", "");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitReady(Duration timeout, Path log) {
        boolean ready;
        try {
            ready = Poll.until(timeout, Duration.ofMillis(200), this::acceptsConnections,
                    accepted -> accepted || !process.isAlive());
        } catch (Exception e) {
            close();
            throw new IllegalStateException("waiting for MariaDB failed; see " + log, e);
        }
        if (!ready) {
            close();
            throw new IllegalStateException("MariaDB did not accept connections within " + timeout.toSeconds()
                    + " s; see " + log);
        }
    }

    private boolean acceptsConnections() {
        try (Connection ignored = connect("mysql")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void run(List<String> command) {
        Commands.run(command, Duration.ofMinutes(5));
    }
}
