package dev.garden.identity.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's test suite runs every test class that extends this once on H2 and once on PostgreSQL, each test on
 * a fresh database, with a {@link TestClock} and seeded randomness.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
@ExtendWith(PostgresExtension.class)
abstract class StoreTestBase {
    @Parameter
    TestDatabase database;
    @TempDir
    Path home;

    final TestClock clock = TestClock.fixed();
    IdentityStoreConfig config;
    IdentityStore store;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void openStore(PostgresExtension.Postgres postgres) {
        config = switch (database) {
            case H2 -> IdentityStoreConfig.embedded(home);
            case POSTGRES -> postgres.newDatabase();
        };
        store = open(1);
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    /** Another store over the same database, as another process would open it; closed after the test. */
    IdentityStore open(long seed) {
        return closeAfter(IdentityStore.open(config, clock, seeded(seed)));
    }

    /** A cache over a store, closed after the test (before the store). */
    IdentityCache cache(IdentityStore over, java.time.Duration pollInterval) {
        return closeAfter(IdentityCache.start(over, pollInterval));
    }

    <T extends AutoCloseable> T closeAfter(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    /** A raw connection to the store's database, to look at what it really keeps. */
    Connection connection() throws SQLException {
        return ((JdbcIdentityStore) store).database().dataSource().getConnection();
    }

    static SecureRandom seeded(long seed) {
        try {
            // SHA1PRNG seeded before its first use is deterministic.
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
