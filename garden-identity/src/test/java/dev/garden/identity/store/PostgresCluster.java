package dev.garden.identity.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for one test JVM: {@code initdb} into a temporary directory, {@code postgres} on a
 * free loopback port with trust authentication and its socket in that directory, one fresh database per
 * {@link #newDatabase()}, and everything stopped and deleted by {@link #close()} or, failing that, a shutdown hook.
 *
 * <p>PostgreSQL refuses to run as root; when the JVM is root (as in CI) the cluster runs as the {@code postgres}
 * system user that Debian's package creates, through {@code runuser}.
 */
final class PostgresCluster implements AutoCloseable {
    static final String USER = "garden";
    private static final String INSTALL_HINT = "The identity store's tests run against a real PostgreSQL server"
            + " and PostgreSQL is not installed. Install it (Debian/Ubuntu: `apt-get install -y postgresql`;"
            + " scripts/test does this) or put its bin directory (with initdb and pg_ctl) on PATH.";

    private final Path bin;
    private final Path root;
    private final boolean asPostgresUser;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();
    private final Thread shutdownHook;
    private boolean stopped;

    private PostgresCluster(Path bin, Path root, boolean asPostgresUser, int port) {
        this.bin = bin;
        this.root = root;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
        this.shutdownHook = Thread.ofPlatform().unstarted(this::stop);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Creates and starts a cluster; fails with an installation hint when PostgreSQL is missing. */
    static PostgresCluster start() throws IOException, InterruptedException {
        Path bin = findBinaries();
        boolean root = isRoot();
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "garden-pg-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        if (root) {
            UserPrincipal postgres;
            try {
                postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            } catch (IOException e) {
                throw new IllegalStateException("The tests run as root, which PostgreSQL refuses, and there is no"
                        + " 'postgres' user to run it as. " + INSTALL_HINT, e);
            }
            Files.setOwner(dir, postgres);
        }
        run(root, List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"), dir, "initdb");
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            try {
                // -F: no fsync, -k: the socket beside the data (not /var/run/postgresql, which may not exist).
                run(root, List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                        "-l", dir.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
                        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -F", "start"), dir,
                        "pg_ctl start");
                return new PostgresCluster(bin, dir, root, port);
            } catch (IOException e) {
                last = e; // most likely the port was taken between choosing and binding it
            }
        }
        deleteRecursively(dir);
        throw last;
    }

    /** A new, empty database and the store configuration that points at it. */
    synchronized IdentityStoreConfig newDatabase() {
        String name = "identity_" + databases.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on the test cluster", e);
        }
        return IdentityStoreConfig.of(jdbcUrl(name), USER, "");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run(asPostgresUser, List.of(bin.resolve("pg_ctl").toString(), "-D", root.resolve("data").toString(),
                    "-m", "immediate", "-w", "stop"), root, "pg_ctl stop");
        } catch (IOException | InterruptedException e) {
            System.err.println("could not stop the test PostgreSQL in " + root + ": " + e.getMessage());
        } finally {
            deleteRecursively(root);
        }
    }

    private static Path findBinaries() throws IOException {
        return findBinaries(System.getenv().getOrDefault("PATH", ""), Path.of("/usr/lib/postgresql"));
    }

    /**
     * The directory of initdb, pg_ctl and postgres: initdb on {@code path} (resolving links to find its siblings),
     * else the newest {@code debian/VERSION/bin} (Debian keeps them off PATH).
     *
     * @throws IllegalStateException saying how to install PostgreSQL
     */
    static Path findBinaries(String path, Path debian) throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "initdb"));
            }
        }
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.comparing(PostgresCluster::majorVersion).reversed())
                        .forEach(version -> candidates.add(version.resolve("bin/initdb")));
            }
        }
        for (Path initdb : candidates) {
            if (Files.isExecutable(initdb)) {
                Path bin = initdb.toRealPath().getParent();
                if (Files.isExecutable(bin.resolve("pg_ctl")) && Files.isExecutable(bin.resolve("postgres"))) {
                    return bin;
                }
            }
        }
        throw new IllegalStateException(INSTALL_HINT);
    }

    private static int majorVersion(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Runs a PostgreSQL tool, as the postgres user when we are root. Output goes to a file, not a pipe: pg_ctl's
     * server child would keep a pipe open and the read would never end.
     */
    private static void run(boolean asPostgresUser, List<String> command, Path dir, String what)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path output = Files.createTempFile("garden-pg-" + what.replace(' ', '-'), ".log");
        try {
            Process process = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(what + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                String log = Files.exists(dir.resolve("postgres.log")) ? Files.readString(dir.resolve("postgres.log"))
                        : "";
                throw new IOException(what + " failed (exit " + process.exitValue() + "): " + String.join(" ", full)
                        + "\n" + Files.readString(output) + log);
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete the test PostgreSQL directory " + dir + ": " + e.getMessage());
        }
    }
}
