package dev.garden.identity.store;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.function.Supplier;

/**
 * Gives tests a {@link PostgresCluster}: one per test JVM, started the first time a test asks it for a database
 * (so tests that only use H2 never start it), kept in the root extension context and stopped when the test run
 * ends. Published in this module's test jar, for other modules' tests of several Garden instances over one database.
 * If PostgreSQL is missing or does not start, every test that asks fails with the same message: these tests
 * are never skipped.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class FooTest {
 *     @BeforeEach void setUp(PostgresExtension.Postgres postgres) { config = postgres.newDatabase(); }
 * }
 * }</pre>
 */
public final class PostgresExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            PostgresExtension.class);

    /** The test JVM's cluster, started on first use. */
    public static final class Postgres implements AutoCloseable, Supplier<PostgresCluster> {
        private PostgresCluster cluster;
        private RuntimeException failure;

        @Override
        public synchronized PostgresCluster get() {
            if (failure != null) {
                throw failure;
            }
            if (cluster == null) {
                try {
                    cluster = PostgresCluster.start();
                } catch (Exception e) {
                    failure = new IllegalStateException("cannot start the test PostgreSQL: " + e.getMessage(), e);
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    throw failure;
                }
            }
            return cluster;
        }

        /** A new, empty database on the cluster. */
        public IdentityStoreConfig newDatabase() {
            return get().newDatabase();
        }

        @Override
        public synchronized void close() {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Postgres.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root context's store lives as long as the test run and closes what it holds at the end.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Postgres.class, key -> new Postgres(),
                Postgres.class);
    }
}
