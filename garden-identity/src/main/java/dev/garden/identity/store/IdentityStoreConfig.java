package dev.garden.identity.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Where the identity store lives: an embedded H2 database under {@code $GARDEN_HOME/identity/} (the default), or a
 * PostgreSQL database shared by several Garden instances.
 *
 * <p>From the environment ({@link #fromEnvironment}):
 * <ul>
 *     <li>{@value #DATABASE_URL}: a JDBC URL, {@code jdbc:postgresql://host:5432/garden} (or {@code jdbc:h2:...});
 *     unset or blank means the embedded database</li>
 *     <li>{@value #DATABASE_USER}, {@value #DATABASE_PASSWORD}: its credentials</li>
 *     <li>{@value #POLL_MS}: how often (milliseconds) an {@link IdentityCache} checks the store for changes,
 *     default 1000</li>
 * </ul>
 *
 * @param jdbcUrl      the database, {@code jdbc:h2:} or {@code jdbc:postgresql:}
 * @param user         the database user, may be empty
 * @param password     its password, may be empty
 * @param pollInterval how often a cache checks the store for changes
 */
public record IdentityStoreConfig(String jdbcUrl, String user, String password, Duration pollInterval) {
    /** The environment variable naming a JDBC URL. */
    public static final String DATABASE_URL = "GARDEN_DATABASE_URL";
    /** The environment variable naming the database user. */
    public static final String DATABASE_USER = "GARDEN_DATABASE_USER";
    /** The environment variable holding the database password. */
    public static final String DATABASE_PASSWORD = "GARDEN_DATABASE_PASSWORD";
    /** The environment variable setting a cache's poll interval in milliseconds. */
    public static final String POLL_MS = "GARDEN_IDENTITY_POLL_MS";
    /** How often a cache checks the store unless told otherwise. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    private static final String EMBEDDED_USER = "garden";
    // PostgreSQL mode keeps H2 close to the server it stands in for; lower-case identifiers match PostgreSQL's
    // folding. H2's default lock timeout (1 s) is short for a writer waiting on another process's write.
    private static final String H2_OPTIONS = ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
            + ";DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";

    public IdentityStoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw IdentityException.invalidArgument("the identity store runs on PostgreSQL"
                    + " (jdbc:postgresql://HOST:PORT/DATABASE) or H2 (jdbc:h2:...); got '" + jdbcUrl + "'");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw IdentityException.invalidArgument("the poll interval must be positive; got " + pollInterval);
        }
    }

    /**
     * The embedded database of a Garden home: {@code HOME/identity/identity.mv.db}, opened with H2's
     * {@code AUTO_SERVER} so that a second process (the {@code garden} CLI beside a running server) can use it.
     *
     * <p>H2's auto-server listens on a TCP port, so the database gets a random password, kept beside it in
     * {@code HOME/identity/h2-password} (owner-only); the first call for a home creates the directory and the file.
     */
    public static IdentityStoreConfig embedded(Path gardenHome) {
        Path dir = gardenHome.toAbsolutePath().resolve("identity");
        if (dir.toString().contains(";")) {
            throw IdentityException.invalidArgument("the Garden home's path must not contain ';' (H2 reads it as a"
                    + " URL option): " + dir);
        }
        String password = embeddedPassword(dir);
        return new IdentityStoreConfig("jdbc:h2:file:" + dir.resolve("identity") + H2_OPTIONS, EMBEDDED_USER,
                password, DEFAULT_POLL_INTERVAL);
    }

    /** A PostgreSQL database (or any supported JDBC URL) with its credentials. */
    public static IdentityStoreConfig of(String jdbcUrl, String user, String password) {
        return new IdentityStoreConfig(jdbcUrl, user, password, DEFAULT_POLL_INTERVAL);
    }

    /**
     * The configuration an environment describes (see the class comment); the embedded database of
     * {@code gardenHome} when {@value #DATABASE_URL} is unset.
     *
     * @param env        the environment, e.g. {@code System.getenv()}
     * @param gardenHome {@code $GARDEN_HOME}, already resolved by the caller
     */
    public static IdentityStoreConfig fromEnvironment(Map<String, String> env, Path gardenHome) {
        String url = env.getOrDefault(DATABASE_URL, "").strip();
        IdentityStoreConfig config = url.isEmpty() ? embedded(gardenHome)
                : of(url, env.getOrDefault(DATABASE_USER, ""), env.getOrDefault(DATABASE_PASSWORD, ""));
        String poll = env.getOrDefault(POLL_MS, "").strip();
        if (poll.isEmpty()) {
            return config;
        }
        try {
            return config.withPollInterval(Duration.ofMillis(Long.parseLong(poll)));
        } catch (NumberFormatException e) {
            throw IdentityException.invalidArgument(POLL_MS + " must be a number of milliseconds; got '" + poll
                    + "'");
        }
    }

    /** This configuration with another poll interval. */
    public IdentityStoreConfig withPollInterval(Duration interval) {
        return new IdentityStoreConfig(jdbcUrl, user, password, interval);
    }

    /** Whether this is an H2 database (embedded or not) rather than PostgreSQL. */
    public boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        return "IdentityStoreConfig[" + jdbcUrl + ", user=" + user + (password.isEmpty() ? "" : ", password=***")
                + ", poll=" + pollInterval.toMillis() + "ms]";
    }

    private static String embeddedPassword(Path dir) {
        Path file = dir.resolve("h2-password");
        try {
            if (!Files.exists(file)) {
                createOwnerOnly(dir, file);
            }
            String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (password.isEmpty()) {
                throw new IdentityException(IdentityException.Kind.FAILED_PRECONDITION, file
                        + " is empty; delete it only together with the database beside it");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the identity database directory " + dir, e);
        }
    }

    private static void createOwnerOnly(Path dir, Path file) throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rwx------")));
        } else {
            Files.createDirectories(dir);
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        Path temp = posix
                ? Files.createTempFile(dir, "h2-password", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, "h2-password", ".tmp");
        try {
            Files.writeString(temp, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n",
                    StandardCharsets.US_ASCII);
            // A hard link appears complete or not at all and fails if the file exists, so two processes starting
            // on a fresh home at once agree on one password.
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            // the other process won; use its password
        } catch (UnsupportedOperationException e) {
            Files.move(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
