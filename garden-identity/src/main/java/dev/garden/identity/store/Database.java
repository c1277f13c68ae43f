package dev.garden.identity.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The pooled connection to the identity database, its schema, and the one way to write: a transaction that
 * first takes the next store version.
 */
final class Database implements AutoCloseable {
    /** Where the schema's Flyway migrations are; a table of its own so other modules may share the database. */
    static final String MIGRATIONS = "classpath:db/garden-identity";
    static final String HISTORY_TABLE = "garden_identity_schema_history";
    // Flyway reports each validation and migration at INFO through java.util.logging, which the CLI would print
    // on every command. Held in a field because JUL holds loggers weakly and a collected one forgets its level.
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        if (FLYWAY_LOG.getLevel() == null) {
            FLYWAY_LOG.setLevel(Level.WARNING);
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource dataSource;
    private final String url;

    private Database(HikariDataSource dataSource, String url) {
        this.dataSource = dataSource;
        this.url = url;
    }

    static Database open(IdentityStoreConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setPoolName("garden-identity");
        // Identity writes are rare and short; the cache needs one connection per poll.
        hikari.setMaximumPoolSize(config.isH2() ? 4 : 8);
        // An idle connection keeps an embedded H2 database open, and with it the auto-server other processes use.
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(10_000);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IdentityException(IdentityException.Kind.UNAVAILABLE, "cannot open the identity database "
                    + config.jdbcUrl() + ": " + cause.getMessage(), e);
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .table(HISTORY_TABLE)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            dataSource.close();
            throw new IdentityException(IdentityException.Kind.INTERNAL, "cannot create or update the identity"
                    + " database's schema at " + config.jdbcUrl() + ": " + e.getMessage(), e);
        }
        return new Database(dataSource, config.jdbcUrl());
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Runs reads on one connection in auto-commit mode. */
    <T> T read(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(e, what);
        }
    }

    /**
     * Runs a write in one transaction that first takes the next version (and with it the store-wide write lock,
     * held until commit) and logs the change; rolls back on any failure.
     *
     * @param change what the write does, e.g. {@code create service account x}; logged, and used in messages
     */
    <T> T write(String change, Instant now, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                takeNextVersion(connection, change, now);
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback); // the connection is likely gone; the first failure says why
                }
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e, change);
        }
    }

    /** The store's version. */
    static long version(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version FROM store_version WHERE singleton = 1");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void takeNextVersion(Connection connection, String change, Instant now) throws SQLException {
        try (PreparedStatement bump = connection.prepareStatement(
                "UPDATE store_version SET version = version + 1 WHERE singleton = 1")) {
            bump.executeUpdate();
        }
        long version = version(connection);
        try (PreparedStatement log = connection.prepareStatement(
                "INSERT INTO change_log (version, change_time, change) VALUES (?, ?, ?)")) {
            log.setLong(1, version);
            log.setObject(2, timestamp(now));
            log.setString(3, change.length() > 500 ? change.substring(0, 500) : change);
            log.executeUpdate();
        }
    }

    /** An instant as both drivers store it, at the microsecond precision both keep. */
    static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /** A timestamp column as an instant, {@code null} for SQL NULL. */
    static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A database failure as an {@link IdentityException} a person can act on. */
    IdentityException translate(SQLException e, String what) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("23505")) {
            return new IdentityException(IdentityException.Kind.ALREADY_EXISTS, "cannot " + what
                    + ": it already exists", e);
        }
        if (state.equals("23503")) {
            return new IdentityException(IdentityException.Kind.NOT_FOUND, "cannot " + what
                    + ": something it refers to does not exist", e);
        }
        // serialization failure, deadlock, lock not available (PostgreSQL), lock timeout (H2), cancelled
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03") || state.equals("HYT00")
                || state.equals("57014")) {
            return new IdentityException(IdentityException.Kind.UNAVAILABLE, "the identity store is busy and"
                    + " could not " + what + "; try again", e);
        }
        // connection failures: SQL's class 08, PostgreSQL's admin shutdown, H2's broken or closed connection
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || state.startsWith("08") || state.equals("57P01") || state.equals("90067") || state.equals("90121")
                || dataSource.isClosed()) {
            return new IdentityException(IdentityException.Kind.UNAVAILABLE, "cannot reach the identity database "
                    + url + " to " + what + ": " + e.getMessage(), e);
        }
        return new IdentityException(IdentityException.Kind.INTERNAL, "the identity database failed to " + what
                + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
